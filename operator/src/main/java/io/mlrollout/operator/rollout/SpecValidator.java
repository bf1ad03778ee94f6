package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.BatchingSpec;
import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ModelEngine;
import io.mlrollout.api.v1alpha1.ModelSpec;
import io.mlrollout.api.v1alpha1.RouterType;
import io.mlrollout.api.v1alpha1.ServingSpec;
import io.mlrollout.api.v1alpha1.SpecName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a ModelDeployment spec for what the operator cannot act on. The CRD schema rejects most
 * of it at apply time; this is the operator's own guard, with messages that name the field.
 */
public final class SpecValidator {

    private SpecValidator() {
    }

    public static List<String> problems(ModelDeploymentSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null || spec.getModel() == null) {
            problems.add("spec.model: required: name, version and uri of the model to serve");
            return problems;
        }
        ModelSpec model = spec.getModel();
        require(problems, "spec.model.name", model.getName());
        require(problems, "spec.model.version", model.getVersion());
        require(problems, "spec.model.uri", model.getUri());
        if (model.getEngine() != null && SpecName.lookup(ModelEngine.class, model.getEngine()).isEmpty()) {
            problems.add("spec.model.engine: unknown engine '" + model.getEngine() + "'; use one of " + SpecName.allowed(ModelEngine.class));
        }
        if (spec.getReplicas() != null && (spec.getReplicas() < 1 || spec.getReplicas() > 100)) {
            problems.add("spec.replicas: must be 1..100, was " + spec.getReplicas());
        }
        servingProblems(spec.getServing(), problems);
        String router = routerName(spec);
        if (SpecName.lookup(RouterType.class, router).isEmpty()) {
            problems.add("spec.traffic.router: unknown router '" + router + "'; use one of " + SpecName.allowed(RouterType.class));
        } else if (routerOf(spec) == RouterType.GATEWAY_API
                && (spec.getTraffic().getParentRefs() == null || spec.getTraffic().getParentRefs().isEmpty())) {
            problems.add("spec.traffic.parentRefs: router gateway-api needs the Gateway(s) the HTTPRoute attaches to");
        }
        return problems;
    }

    /** Longer than this, a batch delay costs every request more than batching can save. */
    static final Duration MAX_BATCH_DELAY = Duration.ofSeconds(1);

    private static void servingProblems(ServingSpec serving, List<String> problems) {
        if (serving == null) {
            return;
        }
        BatchingSpec batching = serving.getBatching();
        if (batching != null && batching.getMaxBatchSize() != null && (batching.getMaxBatchSize() < 1 || batching.getMaxBatchSize() > 1024)) {
            problems.add("spec.serving.batching.maxBatchSize: must be 1..1024, was " + batching.getMaxBatchSize());
        }
        if (batching != null && batching.getMaxDelay() != null) {
            try {
                if (Durations.parse(batching.getMaxDelay()).compareTo(MAX_BATCH_DELAY) > 0) {
                    problems.add("spec.serving.batching.maxDelay: at most 1s, was " + batching.getMaxDelay());
                }
            } catch (IllegalArgumentException e) {
                problems.add("spec.serving.batching.maxDelay: " + e.getMessage());
            }
        }
        if (serving.getAuthToken() != null) {
            require(problems, "spec.serving.authToken.name", serving.getAuthToken().getName());
            require(problems, "spec.serving.authToken.key", serving.getAuthToken().getKey());
        }
        if (serving.getTls() != null) {
            require(problems, "spec.serving.tls.secretName", serving.getTls().getSecretName());
        }
    }

    /** The longest name a Service and a label value can carry. */
    static final int MAX_NAME = 63;

    /**
     * The ModelDeployment's own name becomes the Service {@code <name>} and a label value on every
     * object, so it must be a DNS label: a longer name or one with dots would make every create fail.
     */
    public static List<String> nameProblems(String name) {
        if (name != null && name.length() <= MAX_NAME && name.matches("[a-z]([-a-z0-9]*[a-z0-9])?")) {
            return List.of();
        }
        return List.of("metadata.name: '" + name + "' cannot name the Service and labels this ModelDeployment needs: use at most "
                + MAX_NAME + " lowercase letters, digits and '-', starting with a letter and ending with a letter or digit"
                + (name != null && name.length() > MAX_NAME ? " (it has " + name.length() + " characters)" : ""));
    }

    /** The router of a valid spec. */
    public static RouterType routerOf(ModelDeploymentSpec spec) {
        return SpecName.lookup(RouterType.class, routerName(spec)).orElseThrow();
    }

    public static int replicasOf(ModelDeploymentSpec spec) {
        return spec.getReplicas() == null ? 1 : spec.getReplicas();
    }

    private static String routerName(ModelDeploymentSpec spec) {
        return spec.getTraffic() == null || spec.getTraffic().getRouter() == null ? RouterType.SERVICE.specName()
                : spec.getTraffic().getRouter();
    }

    private static void require(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required");
        }
    }
}
