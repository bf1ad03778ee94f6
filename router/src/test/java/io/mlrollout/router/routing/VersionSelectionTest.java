package io.mlrollout.router.routing;

import static io.mlrollout.router.routing.Tables.CANARY;
import static io.mlrollout.router.routing.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.VersionNames;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VersionSelectionTest {

    private final AtomicLong numbers = new AtomicLong();

    private VersionSelection.Result select(RoutingTable table, String pin, String key, boolean ejected) {
        return VersionSelection.select(table, pin, key, numbers::getAndIncrement, ejected);
    }

    private Role chosenRole(VersionSelection.Result result) {
        assertThat(result).isInstanceOf(VersionSelection.Chosen.class);
        return ((VersionSelection.Chosen) result).version().role();
    }

    @Test
    void anUnavailableTableIsA503WithItsReason() {
        assertThat(select(RoutingTable.unavailable("no status yet"), null, null, false))
                .isEqualTo(new VersionSelection.Refused(503, "no status yet"));
    }

    @Test
    void aPinNamesAVersionByRoleVersionOrSlugAndOverridesEjection() {
        RoutingTable table = table(1, 1, 0);
        for (String pin : new String[] {"canary", "CANARY", "2.0.0", VersionNames.slug(CANARY)}) {
            VersionSelection.Result result = select(table, pin, null, true);
            assertThat(chosenRole(result)).as(pin).isEqualTo(Role.CANARY);
            assertThat(((VersionSelection.Chosen) result).pinned()).isTrue();
        }
        assertThat(chosenRole(select(table(1, 1, 100), "stable", null, false))).isEqualTo(Role.STABLE);
        assertThat(numbers.get()).as("pinned requests take no number from the weighted sequence").isZero();
    }

    @Test
    void aPinToAnUnknownVersionIs404AndToOneWithoutReadyPods503() {
        VersionSelection.Result unknown = select(table(1, 1, 10), "9.9.9", null, false);
        assertThat(unknown).isInstanceOfSatisfying(VersionSelection.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.message()).contains("9.9.9", "stable 1.0.0", "canary 2.0.0");
        });
        assertThat(select(table(1, 0, 10), "canary", null, false))
                .isEqualTo(new VersionSelection.Refused(503, "version 2.0.0 has no Ready pods"));
    }

    @Test
    void anEjectedCanaryGetsNoWeightedOrStickyTraffic() {
        RoutingTable table = table(1, 1, 99);
        for (int i = 0; i < 200; i++) {
            assertThat(chosenRole(select(table, null, null, true))).isEqualTo(Role.STABLE);
            assertThat(chosenRole(select(table, null, "user-" + i, true))).isEqualTo(Role.STABLE);
        }
    }

    @Test
    void anEjectedCanaryThatHeldAllTrafficLeavesA503WhenTheStableHasNoPods() {
        assertThat(select(table(0, 1, 100), null, null, true)).isInstanceOfSatisfying(VersionSelection.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(503));
    }

    @Test
    void aHashKeyKeepsACallerOnOneVersionWhateverTheRequestNumber() {
        RoutingTable table = table(1, 1, 50);
        Role first = chosenRole(select(table, null, "alice", false));
        for (int i = 0; i < 50; i++) {
            assertThat(chosenRole(select(table, null, "alice", false))).isEqualTo(first);
        }
        assertThat(numbers.get()).isZero();
    }

    @Test
    void withoutHeadersTheWeightedSequenceDecides() {
        RoutingTable table = table(1, 1, 50);
        assertThat(chosenRole(select(table, null, null, false))).isEqualTo(Role.STABLE);
        assertThat(chosenRole(select(table, null, null, false))).isEqualTo(Role.CANARY);
        assertThat(chosenRole(select(table, "  ", "", false))).isEqualTo(Role.STABLE);
    }
}
