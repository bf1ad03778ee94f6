package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.server.ModelLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Whether a path's model name (and optional version) is the one model this process serves. */
@ApplicationScoped
class ServedModelRoutes {

    private final ModelLifecycle lifecycle;

    ServedModelRoutes(ModelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The 404 message when {@code name}/{@code version} is not served here; empty when it is. */
    Optional<String> notServed(String name, String version) {
        boolean nameMatches = lifecycle.modelName().equals(name);
        boolean versionMatches = version == null || lifecycle.modelVersion().equals(version);
        if (nameMatches && versionMatches) {
            return Optional.empty();
        }
        String asked = version == null ? "model '" + name + "'" : "model '" + name + "' version '" + version + "'";
        return Optional.of(asked + " is not served here; this server serves model '" + lifecycle.modelName()
                + "' version '" + lifecycle.modelVersion() + "'");
    }
}
