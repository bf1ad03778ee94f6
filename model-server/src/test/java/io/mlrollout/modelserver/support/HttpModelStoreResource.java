package io.mlrollout.modelserver.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts a {@link LocalModelServer} on 127.0.0.1 before the application and points MODEL_URI at
 * {@code iris-v2} on it. Init arg {@code path} picks another path on the store.
 */
public class HttpModelStoreResource implements QuarkusTestResourceLifecycleManager {

    private LocalModelServer store;
    private String path = "/models/iris-v2/model.onnx";

    @Override
    public void init(Map<String, String> initArgs) {
        path = initArgs.getOrDefault("path", path);
    }

    @Override
    public Map<String, String> start() {
        try {
            store = LocalModelServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("model.uri", store.uri(path).toString());
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
    }
}
