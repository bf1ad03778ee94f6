package io.mlrollout.modelserver.inference;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import java.util.List;
import java.util.Optional;

/**
 * A loaded model ready to predict: its signature, its predictor pool and, for classifiers, its
 * class labels. Thread-safe; concurrency is bounded by the pool.
 */
public final class ServedModel implements AutoCloseable {

    private static final long[] NO_COUNTS = new long[0];

    private final ModelReference reference;
    private final String sha256;
    private final ModelSignature signature;
    private final Optional<ClassifierHead> classifier;
    private final Model model;
    private final PredictorPool pool;
    private final InputValidator validator;
    private final RunningAverage predictTime = new RunningAverage();
    /** One instance, so the scheduler can tell requests for this model by it. */
    private final InferenceScheduler.Engine engine = this::predict;

    ServedModel(ModelReference reference, String sha256, ModelSignature signature,
            Optional<ClassifierHead> classifier, Model model, PredictorPool pool) {
        this.reference = reference;
        this.sha256 = sha256;
        this.signature = signature;
        this.classifier = classifier;
        this.model = model;
        this.pool = pool;
        this.validator = new InputValidator(signature);
    }

    /**
     * Validates and runs one request.
     *
     * @param requestedOutputs output names to return; empty means all
     * @throws InvalidInputException when the request does not fit the model
     * @throws InferenceFailedException when the engine fails on valid input
     */
    public InferenceResult infer(List<Tensor> inputs, List<String> requestedOutputs) throws InterruptedException {
        validate(inputs, requestedOutputs);
        return result(predict(inputs), requestedOutputs);
    }

    /**
     * Checks a request against the model before it goes near the engine or a batch.
     *
     * @throws InvalidInputException when the request does not fit the model
     */
    public void validate(List<Tensor> inputs, List<String> requestedOutputs) {
        validator.validate(inputs);
        for (String name : requestedOutputs) {
            if (signature.output(name).isEmpty()) {
                throw new InvalidInputException(
                        "unknown output '" + name + "' requested; the model's outputs are " + signature.outputs());
            }
        }
    }

    /** {@link #predict}, as the scheduler takes it; the same instance every time. */
    public InferenceScheduler.Engine engine() {
        return engine;
    }

    /** Runs validated inputs through the engine, waiting for a free predictor; returns every output. */
    public List<Tensor> predict(List<Tensor> validatedInputs) throws InterruptedException {
        return runEngine(pool.borrow(), validatedInputs);
    }

    /**
     * Runs validated inputs at once if a predictor is idle, else returns empty without waiting: the
     * caller may be a thread that must never block.
     */
    public Optional<List<Tensor>> predictIfIdle(List<Tensor> validatedInputs) {
        return pool.borrowIfIdle().map(predictor -> runEngine(predictor, validatedInputs));
    }

    /** The requested outputs (all when none are named) and the classifier's counts over all of them. */
    public InferenceResult result(List<Tensor> outputs, List<String> requestedOutputs) {
        long[] counts = classifier.map(head -> head.countPredictions(outputs)).orElse(NO_COUNTS);
        List<Tensor> selected =
                requestedOutputs.isEmpty()
                        ? outputs
                        : outputs.stream().filter(t -> requestedOutputs.contains(t.name())).toList();
        return new InferenceResult(selected, counts);
    }

    /** Whether validated inputs can share an engine call with others: every input takes a batch of rows. */
    public boolean batchable(List<Tensor> validatedInputs) {
        return Batches.batchable(signature, validatedInputs);
    }

    /** A running average of recent engine calls' durations; {@code Long.MAX_VALUE} before the first. */
    public long typicalPredictNanos() {
        return predictTime.typicalNanos();
    }

    private List<Tensor> runEngine(PredictorPool.Lease predictor, List<Tensor> inputs) {
        long start = System.nanoTime();
        try (predictor) {
            return predictor.predict(inputs);
        } catch (TranslateException | RuntimeException e) {
            Optional<OrtException> engineError = findOrtException(e);
            if (engineError.isPresent() && engineError.get().getCode() == OrtException.OrtErrorCode.ORT_INVALID_ARGUMENT) {
                // Shapes that fit the declared signature can still clash inside the graph.
                throw new InvalidInputException("the model rejected the input: " + engineError.get().getMessage());
            }
            throw new InferenceFailedException("the engine failed: " + e.getMessage(), e);
        } finally {
            predictTime.record(System.nanoTime() - start);
        }
    }

    private static Optional<OrtException> findOrtException(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OrtException ortException) {
                return Optional.of(ortException);
            }
        }
        return Optional.empty();
    }

    public ModelReference reference() {
        return reference;
    }

    /** The sha256 of the file actually loaded, whether or not it was pinned. */
    public String sha256() {
        return sha256;
    }

    public ModelSignature signature() {
        return signature;
    }

    /** Class labels in output column order; empty when the model is not a classifier. */
    public List<String> classLabels() {
        return classifier.map(ClassifierHead::labels).orElse(List.of());
    }

    /** The class labels of output {@code outputName} in column order; empty when it is not the classifier's scores. */
    public List<String> labelsOf(String outputName) {
        return classifier.filter(head -> head.outputName().equals(outputName)).map(ClassifierHead::labels).orElse(List.of());
    }

    public int predictors() {
        return pool.size();
    }

    @Override
    public void close() {
        pool.close();
        model.close();
    }
}
