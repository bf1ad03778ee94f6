package io.mlrollout.e2e.observe;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches one ModelDeployment's status by polling and keeps every distinct state with the time it
 * was first seen: the rows of {@code kubectl get mdep -w}, and the times the figures are measured from.
 */
public final class RolloutTimeline implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Consumer<RolloutState> onChange;
    private final List<RolloutState> states = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rollout-timeline");
        thread.setDaemon(true);
        return thread;
    });

    private RolloutTimeline(KubernetesClient client, String namespace, String name, Consumer<RolloutState> onChange) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.onChange = onChange;
    }

    public static RolloutTimeline start(KubernetesClient client, String namespace, String name, Duration period,
                                        Consumer<RolloutState> onChange) {
        RolloutTimeline timeline = new RolloutTimeline(client, namespace, name, onChange);
        timeline.poller.scheduleWithFixedDelay(timeline::poll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return timeline;
    }

    public List<RolloutState> states() {
        return List.copyOf(states);
    }

    /** When a state matching {@code which} was first seen. */
    public Optional<Instant> firstSeen(Predicate<RolloutState> which) {
        return states.stream().filter(which).map(RolloutState::seenAt).findFirst();
    }

    public String summary() {
        StringBuilder text = new StringBuilder("status timeline of " + namespace + "/" + name + ":\n");
        states.forEach(s -> text.append("  ").append(s.row()).append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    private void poll() {
        try {
            ModelDeployment md = client.resources(ModelDeployment.class).inNamespace(namespace).withName(name).get();
            if (md == null) {
                return;
            }
            RolloutState state = RolloutState.of(md, Instant.now());
            RolloutState last = states.isEmpty() ? null : states.get(states.size() - 1);
            if (last == null || !last.sameAs(state)) {
                states.add(state);
                onChange.accept(state);
            }
        } catch (KubernetesClientException | IllegalStateException e) {
            // The API server restarting or a scenario's cleanup: the next poll tells.
        }
    }
}
