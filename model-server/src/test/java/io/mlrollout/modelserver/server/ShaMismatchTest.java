package io.mlrollout.modelserver.server;

import io.mlrollout.modelserver.support.NotReadyChecks;
import io.mlrollout.modelserver.support.SampleModels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pinned sha256 that the file does not have: the process stays up, never ready, and says why. */
@QuarkusTest
@TestProfile(ShaMismatchTest.PinsTheWrongChecksum.class)
class ShaMismatchTest {

    public static class PinsTheWrongChecksum implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.sha256", SampleModels.sha256("iris-v2"));
        }
    }

    @Test
    void staysUpButUnreadyWithTheMismatchAsReason() {
        NotReadyChecks.assertUnreadyBecause("sha256 mismatch: MODEL_SHA256 pins " + SampleModels.sha256("iris-v2")
                + " but the file has " + SampleModels.sha256("iris-v1"));
    }
}
