package io.mlrollout.operator.reconciler;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.operator.rollout.PolicyResolver;
import io.mlrollout.operator.rollout.ResolvedPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Finds and resolves the RolloutPolicy a ModelDeployment names, or the built-in one when it names none. */
final class PolicyLookup {

    record Found(ResolvedPolicy policy, List<String> problems) {
    }

    private final Duration defaultInterval;

    PolicyLookup(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    static Optional<ResourceID> policyId(ModelDeployment md) {
        if (md.getSpec() == null || md.getSpec().getRolloutPolicyRef() == null || md.getSpec().getRolloutPolicyRef().getName() == null) {
            return Optional.empty();
        }
        return Optional.of(new ResourceID(md.getSpec().getRolloutPolicyRef().getName(), md.getMetadata().getNamespace()));
    }

    /** The built-in policy, for the deadline of a rollout whose own policy is gone. */
    Found builtIn() {
        return new Found(PolicyResolver.defaultPolicy(defaultInterval), List.of());
    }

    Found find(ModelDeployment md, RolloutPolicy policy) {
        Optional<ResourceID> id = policyId(md);
        if (id.isEmpty()) {
            return new Found(PolicyResolver.defaultPolicy(defaultInterval), List.of());
        }
        if (policy == null) {
            return new Found(null, List.of("spec.rolloutPolicyRef.name: RolloutPolicy '" + id.get().getName()
                    + "' not found in namespace '" + md.getMetadata().getNamespace() + "'"));
        }
        PolicyResolver.Result result = PolicyResolver.resolve(policy.getSpec(), defaultInterval);
        if (result instanceof PolicyResolver.Result.Valid valid) {
            return new Found(valid.policy(), List.of());
        }
        return new Found(null, ((PolicyResolver.Result.Invalid) result).problems().stream()
                .map(p -> "RolloutPolicy '" + policy.getMetadata().getName() + "' " + p).toList());
    }
}
