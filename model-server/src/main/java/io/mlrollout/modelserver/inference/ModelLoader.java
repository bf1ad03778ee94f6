package io.mlrollout.modelserver.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches, verifies and loads one model: URI to local file, sha256 check before anything parses
 * the file, signature, DJL model with a predictor pool, and one warm-up prediction so the first
 * client request does not pay for the engine's first-run allocations.
 */
public final class ModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);
    private static final String ENGINE = "OnnxRuntime";

    private final LoaderSettings settings;
    private final ModelFetcher fetcher;

    public ModelLoader(LoaderSettings settings) {
        this.settings = settings;
        this.fetcher = new ModelFetcher(settings);
        DjlEnvironment.prepare(settings.workDir());
    }

    public ServedModel load(ModelReference reference) throws ModelLoadException {
        ModelFetcher.FetchedModel fetched = fetcher.fetch(reference.uri());
        String sha256 = verifySha256(fetched.file(), reference.sha256());
        // DJL creates ONNX Runtime's environment with its threading options; it must come first.
        Engine.getEngine(ENGINE);
        ModelSignature signature = SignatureReader.read(fetched.file());
        Optional<ClassifierHead> classifier = ClassifierHead.detect(signature, fetched.labels());
        Model model = loadDjlModel(reference.name(), fetched.file());
        ServedModel served;
        try {
            served = new ServedModel(reference, sha256, signature, classifier, model,
                    new PredictorPool(model, settings.predictors()));
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot create predictors: " + e.getMessage(), e);
        }
        warmUp(served);
        return served;
    }

    private static String verifySha256(Path file, Optional<String> expected) throws ModelLoadException {
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the model file to check its sha256: " + e, e);
        }
        if (expected.isPresent() && !expected.get().strip().equalsIgnoreCase(actual)) {
            throw new ModelLoadException(
                    "sha256 mismatch: MODEL_SHA256 pins " + expected.get().strip() + " but the file has " + actual);
        }
        return actual;
    }

    private Model loadDjlModel(String name, Path file) throws ModelLoadException {
        Model model = Model.newInstance(name, ENGINE);
        String threads = Integer.toString(settings.intraOpThreads());
        try {
            model.load(file, null, Map.of("intraOpNumThreads", threads, "interOpNumThreads", "1"));
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("the engine cannot load the model: " + e.getMessage(), e);
        }
    }

    /** Runs one all-zero row when every non-batch dimension is fixed; skipped otherwise. */
    private static void warmUp(ServedModel served) {
        List<Tensor> inputs = new ArrayList<>();
        for (TensorSpec spec : served.signature().inputs()) {
            long[] shape = spec.shape().clone();
            if (spec.isBatched()) {
                shape[0] = 1;
            }
            long count = Tensor.elementCount(shape);
            if (count < 0 || count > 1_000_000) {
                return;
            }
            inputs.add(new Tensor(spec.name(), shape, TensorData.zeros(spec.type(), (int) count)));
        }
        try {
            served.infer(inputs, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Not fatal: a model may reject all-zero input; real requests will tell.
            LOG.warn("warm-up prediction failed: {}", e.getMessage());
        }
    }
}
