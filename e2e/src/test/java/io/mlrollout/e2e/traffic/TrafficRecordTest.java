package io.mlrollout.e2e.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficRecordTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsByVersionAndOutcome() {
        TrafficRecord record = new TrafficRecord();
        record.add(request(0, "1.0.0", 200));
        record.add(request(1, "3.0.0", 400));
        record.add(request(2, "3.0.0", 400));
        record.add(request(3, "1.0.0", 200));
        record.add(new RequestRecord(T0.plusSeconds(4), 0, null, null, 0, Outcome.NO_ENDPOINT));

        assertThat(record.total()).isEqualTo(5);
        assertThat(record.failed()).isEqualTo(3);
        assertThat(record.failedServedBy("3.0.0")).isEqualTo(2);
        assertThat(record.servedBy("1.0.0")).isEqualTo(2);
        assertThat(record.firstRequestTo("3.0.0")).contains(T0.plusSeconds(1));
        assertThat(record.lastRequestTo("3.0.0")).contains(T0.plusSeconds(2));
        assertThat(record.summary()).contains("3.0.0: {CLIENT_ERROR=2}", "(no endpoint): {NO_ENDPOINT=1}");
    }

    @Test
    void sharesAreTakenOverAWindow() {
        TrafficRecord record = new TrafficRecord();
        for (int i = 0; i < 10; i++) {
            record.add(request(i, i % 5 == 0 ? "2.0.0" : "1.0.0", 200));
        }

        assertThat(record.shareOf("2.0.0", T0, T0.plusSeconds(10))).isCloseTo(0.2, within(1e-9));
        assertThat(record.shareOf("2.0.0", T0.plusSeconds(1), T0.plusSeconds(5))).isZero();
        assertThat(record.shareOf("2.0.0", T0.plusSeconds(20), T0.plusSeconds(30))).isNaN();
    }

    @Test
    void statusCodesMapToOutcomes() {
        assertThat(Outcome.ofStatus(200)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.ofStatus(400)).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(Outcome.ofStatus(503)).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(Outcome.SUCCESS.failed()).isFalse();
        assertThat(Outcome.NO_ENDPOINT.failed()).isTrue();
    }

    private static RequestRecord request(int second, String version, int status) {
        return new RequestRecord(T0.plusSeconds(second), 1000, version, "pod-" + version, status, Outcome.ofStatus(status));
    }
}
