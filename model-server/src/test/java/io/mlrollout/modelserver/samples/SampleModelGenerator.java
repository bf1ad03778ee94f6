package io.mlrollout.modelserver.samples;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlrollout.modelserver.inference.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.util.onnx.ONNXContext;

/**
 * Regenerates the bundled sample models under {@code src/main/resources/models}, reproducibly
 * (fixed seeds, no timestamps in the files). Each model directory holds {@code model.onnx},
 * {@code labels.txt} (class names in output column order) and {@code provenance.json}; the
 * directory root holds {@code SHA256SUMS}. Run it with {@code ./mvnw -B -pl model-server -Pgenerate-models}.
 */
public final class SampleModelGenerator {

    static final String DOMAIN = "io.mlrollout.samples";
    static final int HELD_OUT_ROWS = 300;
    static final int SLOW_WIDTH = 512;
    static final int SLOW_LAYERS = 1200;

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<String> checksums = new ArrayList<>();

    SampleModelGenerator(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources/models");
        new SampleModelGenerator(root).generateAll();
        System.out.println("sample models written to " + root.toAbsolutePath());
    }

    record Trained(LinearSGDModel model, List<String> labels, Map<String, Object> provenance) {}

    void generateAll() throws IOException {
        Trained v1 = train("iris-v1", 120, 1L, 25, 0);
        write("iris-v1", v1.model().exportONNXModel(DOMAIN, 1), v1.labels(), v1.provenance());
        Trained v2 = train("iris-v2", 600, 2L, 20, 0);
        write("iris-v2", v2.model().exportONNXModel(DOMAIN, 2), v2.labels(), v2.provenance());
        Trained wide = train("iris-schema-break", 600, 3L, 20, 1);
        write("iris-schema-break", wide.model().exportONNXModel(DOMAIN, 3), wide.labels(), wide.provenance());
        writeSlow(v1);
        writeCorrupt();
        Files.writeString(root.resolve("SHA256SUMS"), String.join("", checksums), StandardCharsets.UTF_8);
    }

    private Trained train(String name, int rows, long seed, int epochs, int noiseFeatures) {
        MutableDataset<Label> training = IrisLikeData.dataset(name + " training rows", rows, seed, noiseFeatures);
        MutableDataset<Label> heldOut = IrisLikeData.dataset(name + " held-out rows", HELD_OUT_ROWS, seed + 1000, noiseFeatures);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, Integer.MAX_VALUE, 1, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(training);
        double accuracy = new LabelEvaluator().evaluate(model, heldOut).accuracy();
        List<String> labels = labels(model.getOutputIDInfo());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("model", name);
        provenance.put("input", Map.of("name", "input", "datatype", "FP32", "shape", List.of(-1, 4 + noiseFeatures)));
        provenance.put("output", Map.of("name", "output", "datatype", "FP32", "shape", List.of(-1, labels.size()),
                "meaning", "class probabilities (softmax), columns in labels.txt order"));
        provenance.put("features", "sepal length, sepal width, petal length, petal width (cm)"
                + (noiseFeatures > 0 ? ", then " + noiseFeatures + " standard normal noise feature(s)" : ""));
        provenance.put("data", "iris-like: per species, normal draws with the means and standard deviations of"
                + " Fisher's iris measurements; classes balanced");
        provenance.put("trainer", "Tribuo 4.3.2 LinearSGDTrainer: logistic regression (LogMulticlass), AdaGrad(0.5), "
                + epochs + " epochs, minibatch 1");
        provenance.put("trainingRows", rows);
        provenance.put("trainingSeed", seed);
        provenance.put("heldOutRows", HELD_OUT_ROWS);
        provenance.put("heldOutSeed", seed + 1000);
        provenance.put("heldOutAccuracy", Math.round(accuracy * 10000) / 10000.0);
        return new Trained(model, labels, provenance);
    }

    private static List<String> labels(ImmutableOutputInfo<Label> info) {
        return IntStream.range(0, info.size()).mapToObj(id -> info.getOutput(id).getLabel()).toList();
    }

    private void writeSlow(Trained base) throws IOException {
        long seed = 4L;
        ONNXContext graph = new SlowGraphBuilder(SLOW_WIDTH, SLOW_LAYERS, seed).build(base.model(), 4, base.labels().size());
        OnnxMl.ModelProto proto = ONNXExportable.buildModel(graph, DOMAIN, 4, base.model());
        Map<String, Object> provenance = new LinkedHashMap<>(base.provenance());
        provenance.put("model", "iris-slow");
        provenance.put("purpose", "a much heavier model with iris-v1's predictions, so that only latency regresses");
        provenance.put("heavyStack", Map.of("width", SLOW_WIDTH, "layers", SLOW_LAYERS, "weightSeed", seed,
                "structure", "Gemm+Sigmoid layers sharing one weight matrix; output = renormalised"
                        + " (iris-v1 probabilities + 1e-4 * stack output)"));
        write("iris-slow", proto, base.labels(), provenance);
    }

    private void writeCorrupt() throws IOException {
        byte[] good = Files.readAllBytes(root.resolve("iris-v1/model.onnx"));
        Path dir = Files.createDirectories(root.resolve("iris-corrupt"));
        Files.write(dir.resolve("model.onnx"), Arrays.copyOf(good, good.length / 2));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("model", "iris-corrupt");
        provenance.put("purpose", "fails to load: the first half of iris-v1/model.onnx, like an interrupted upload");
        Files.writeString(dir.resolve("provenance.json"), json.writeValueAsString(provenance) + "\n");
        checksums.add(Sha256.of(dir.resolve("model.onnx")) + "  iris-corrupt/model.onnx\n");
    }

    private void write(String name, OnnxMl.ModelProto proto, List<String> labels, Map<String, Object> provenance)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        // Tribuo's own metadata holds timestamps and host details; replace it so files are reproducible.
        OnnxMl.ModelProto stable = proto.toBuilder()
                .clearMetadataProps()
                .setDocString(name + ": mlrollout sample model, see provenance.json")
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey("mlrollout.sample").setValue(name))
                .build();
        Path model = dir.resolve("model.onnx");
        Files.write(model, stable.toByteArray());
        Files.write(dir.resolve("labels.txt"), labels, StandardCharsets.UTF_8);
        String sha256 = Sha256.of(model);
        Map<String, Object> withChecksum = new LinkedHashMap<>(provenance);
        withChecksum.put("sha256", sha256);
        Files.writeString(dir.resolve("provenance.json"), json.writeValueAsString(withChecksum) + "\n");
        checksums.add(sha256 + "  " + name + "/model.onnx\n");
    }
}
