package io.mlrollout.modelserver.server;

import io.mlrollout.modelserver.support.HttpModelStoreResource;
import io.mlrollout.modelserver.support.NotReadyChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A remote model larger than MODEL_DOWNLOAD_MAX_BYTES is refused, and the server says so. */
@QuarkusTest
@TestProfile(DownloadLimitTest.TinyDownloadLimit.class)
class DownloadLimitTest {

    public static class TinyDownloadLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.download.max-bytes", "100");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HttpModelStoreResource.class, Map.of("path", "/chunked/models/iris-v2/model.onnx")));
        }
    }

    @Test
    void staysUpButUnreadyWithTheLimitAsReason() {
        NotReadyChecks.assertUnreadyBecause("over the limit of 100 bytes (MODEL_DOWNLOAD_MAX_BYTES)");
    }
}
