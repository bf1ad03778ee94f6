package io.mlrollout.modelserver.support;

import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.samples.IrisLikeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The bundled sample models, as tests refer to them. */
public final class SampleModels {

    public static final String IRIS_V1 = "classpath:models/iris-v1/model.onnx";
    public static final String IRIS_V2 = "classpath:models/iris-v2/model.onnx";
    public static final String IRIS_SCHEMA_BREAK = "classpath:models/iris-schema-break/model.onnx";
    public static final String IRIS_SLOW = "classpath:models/iris-slow/model.onnx";
    public static final String IRIS_CORRUPT = "classpath:models/iris-corrupt/model.onnx";
    public static final List<String> SPECIES = IrisLikeData.SPECIES;

    private SampleModels() {}

    /** The sha256 recorded for {@code models/<name>/model.onnx} in models/SHA256SUMS. */
    public static String sha256(String name) {
        return text("models/SHA256SUMS").lines()
                .filter(line -> line.endsWith("  " + name + "/model.onnx"))
                .map(line -> line.substring(0, 64))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no checksum for " + name));
    }

    public static byte[] bytes(String name) {
        return resource("models/" + name + "/model.onnx");
    }

    public static List<String> labels(String name) {
        return text("models/" + name + "/labels.txt").lines().toList();
    }

    /** One row with the mean measurements of {@code species}, which every good sample classifies right. */
    public static float[] typical(String species) {
        return IrisLikeData.typical(species);
    }

    public static Tensor typicalRow(String species) {
        return new Tensor("input", new long[] {1, 4}, TensorData.of(typical(species)));
    }

    /** A JSON array literal of the row, for request bodies. */
    public static String typicalJson(String species) {
        return Arrays.toString(typical(species));
    }

    private static String text(String path) {
        return new String(resource(path), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = SampleModels.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
