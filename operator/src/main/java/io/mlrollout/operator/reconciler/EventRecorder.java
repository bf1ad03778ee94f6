package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.operator.rollout.RolloutEvent;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Writes rollout transitions as Kubernetes Events on the ModelDeployment, for {@code kubectl describe}. */
final class EventRecorder {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    private static final String COMPONENT = "mlrollout-operator";

    private final KubernetesClient client;
    private final Clock clock;

    EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    void record(ModelDeployment md, RolloutEvent event) {
        String now = clock.instant().toString();
        String namespace = md.getMetadata().getNamespace();
        try {
            client.v1().events().inNamespace(namespace).resource(new EventBuilder()
                    .withNewMetadata()
                        .withName(md.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
                        .withNamespace(namespace)
                    .endMetadata()
                    .withNewInvolvedObject()
                        .withApiVersion(md.getApiVersion()).withKind(md.getKind())
                        .withName(md.getMetadata().getName()).withNamespace(namespace).withUid(md.getMetadata().getUid())
                    .endInvolvedObject()
                    .withType(event.warning() ? "Warning" : "Normal")
                    .withReason(event.reason())
                    .withMessage(event.message())
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withNewSource().withComponent(COMPONENT).endSource()
                    .withReportingComponent(COMPONENT)
                    .build()).create();
        } catch (KubernetesClientException e) {
            // An Event is a courtesy: failing to write one must not fail the rollout.
            LOG.warnf("Could not record event %s on %s/%s: %s", event.reason(), namespace, md.getMetadata().getName(), e.getMessage());
        }
    }
}
