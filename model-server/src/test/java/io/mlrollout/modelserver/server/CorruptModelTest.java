package io.mlrollout.modelserver.server;

import io.mlrollout.modelserver.support.NotReadyChecks;
import io.mlrollout.modelserver.support.SampleModels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file that is not a loadable ONNX model (even though its checksum is the pinned one). */
@QuarkusTest
@TestProfile(CorruptModelTest.ServesTheCorruptSample.class)
class CorruptModelTest {

    public static class ServesTheCorruptSample implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.uri", SampleModels.IRIS_CORRUPT, "model.sha256", SampleModels.sha256("iris-corrupt"));
        }
    }

    @Test
    void staysUpButUnreadyWithTheLoadErrorAsReason() {
        NotReadyChecks.assertUnreadyBecause("not a loadable ONNX model");
    }
}
