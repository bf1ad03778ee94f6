package io.mlrollout.operator.reconciler;

import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.rollout.Requests;
import java.util.Map;

/** Reads the promote, abort and retry requests users make with {@code kubectl annotate}. */
final class AnnotationRequests {

    private AnnotationRequests() {
    }

    static Requests of(ModelDeployment md) {
        Map<String, String> annotations = md.getMetadata().getAnnotations();
        if (annotations == null) {
            return Requests.NONE;
        }
        return new Requests(annotations.get(Labels.PROMOTE_ANNOTATION), annotations.get(Labels.ABORT_ANNOTATION),
                annotations.get(Labels.RETRY_ANNOTATION));
    }
}
