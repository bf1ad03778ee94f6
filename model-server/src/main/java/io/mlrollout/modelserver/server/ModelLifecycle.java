package io.mlrollout.modelserver.server;

import io.mlrollout.modelserver.inference.InferenceScheduler;
import io.mlrollout.modelserver.inference.LoaderSettings;
import io.mlrollout.modelserver.inference.ModelLoadException;
import io.mlrollout.modelserver.inference.ModelLoader;
import io.mlrollout.modelserver.inference.ModelReference;
import io.mlrollout.modelserver.inference.ModelState;
import io.mlrollout.modelserver.inference.Redaction;
import io.mlrollout.modelserver.inference.SchedulerSettings;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.metrics.InferenceMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the one model in the background at start, so liveness answers at once and readiness
 * turns true only when the model can serve. A failed load leaves the process up, not ready, with
 * the reason in the log, the ready endpoints and {@code model_loaded 0}. Readiness also turns false
 * when a shutdown drain starts ({@link ShutdownDrain}), while the model keeps serving.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLifecycle.class);

    private final ModelConfig model;
    private final InferenceConfig inference;
    private final InferenceMetrics metrics;
    private final ShutdownDrain drain;
    private volatile ModelState state = new ModelState.Loading();
    private InferenceScheduler scheduler;
    private Path workDir;

    public ModelLifecycle(ModelConfig model, InferenceConfig inference, InferenceMetrics metrics, ShutdownDrain drain) {
        this.model = model;
        this.inference = inference;
        this.metrics = metrics;
        this.drain = drain;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        workDir = WorkDirectory.create();
        scheduler = new InferenceScheduler(schedulerSettings());
        metrics.registerModel(model.name(), model.version(), () -> state.isReady(), scheduler::queueDepth);
        Thread loader = new Thread(this::load, "model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private SchedulerSettings schedulerSettings() {
        InferenceConfig.Batch batch = inference.batch();
        if (batch.maxSize() < 1 || batch.maxDelay().isNegative() || inference.queueMaxBytes() < 0 || inference.queueCapacity() < 0) {
            throw new IllegalArgumentException("INFERENCE_BATCH_MAX_SIZE must be at least 1 (is " + batch.maxSize()
                    + "), INFERENCE_BATCH_MAX_DELAY, INFERENCE_QUEUE_MAX_BYTES and INFERENCE_QUEUE_CAPACITY not negative");
        }
        return new SchedulerSettings(inference.workerCount(), inference.queueCapacity(), inference.queueMaxBytes(),
                batch.maxSize(), batch.maxDelay(), deadlineResolution());
    }

    /** Timeouts are noticed within a tenth of their length, and at most 50 ms late. */
    private Duration deadlineResolution() {
        Duration tenth = inference.timeout().dividedBy(10);
        return tenth.compareTo(Duration.ofMillis(50)) < 0 ? tenth : Duration.ofMillis(50);
    }

    private void load() {
        ModelReference reference = new ModelReference(model.name(), model.version(), model.uri(), model.sha256());
        LOG.info("loading model {} version {} from {}", reference.name(), reference.version(), Redaction.uri(reference.uri()));
        long start = System.nanoTime();
        try {
            ServedModel served = new ModelLoader(settings()).load(reference);
            metrics.registerClasses(served.classLabels());
            state = new ModelState.Ready(served);
            LOG.info("model {} version {} ready in {} ms: sha256 {}, inputs {}, outputs {}, {} predictors",
                    reference.name(), reference.version(), (System.nanoTime() - start) / 1_000_000,
                    served.sha256(), served.signature().inputs(), served.signature().outputs(), served.predictors());
            if (inference.batch().maxSize() > 1) {
                LOG.info("dynamic batching: up to {} rows per engine call, waiting up to {} ms for a batch to fill",
                        inference.batch().maxSize(), inference.batch().maxDelay().toMillis());
            }
        } catch (ModelLoadException e) {
            fail(e.getMessage(), null);
        } catch (RuntimeException | LinkageError e) {
            fail("unexpected error: " + e, e);
        }
    }

    private void fail(String reason, Throwable error) {
        state = new ModelState.Failed(reason);
        LOG.error("model {} version {} NOT loaded, the server stays unready: {}", model.name(), model.version(), reason, error);
    }

    private LoaderSettings settings() {
        return new LoaderSettings(workDir, model.download().timeout(), model.download().maxBytes(),
                inference.workerCount(), inference.intraOpThreads());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.close();
        }
        if (state instanceof ModelState.Ready ready) {
            ready.model().close();
        }
        WorkDirectory.delete(workDir);
    }

    /** Whether inference can be served; see {@link #notReadyReason()} for what readiness probes report. */
    public ModelState state() {
        return state;
    }

    /**
     * Why readiness probes must be told "not ready", or empty when ready: the model is not loaded, or
     * the server is draining before shutdown (when inference still serves, so only probes see it).
     */
    public Optional<String> notReadyReason() {
        if (drain.isDraining()) {
            return Optional.of(drain.notReadyReason());
        }
        ModelState current = state;
        return current.isReady() ? Optional.empty() : Optional.of(current.notReadyReason());
    }

    /** Null until the server has started. */
    public InferenceScheduler scheduler() {
        return scheduler;
    }

    public String modelName() {
        return model.name();
    }

    public String modelVersion() {
        return model.version();
    }
}
