package io.mlrollout.modelserver.samples;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A deliberately heavy model that still classifies like the linear model it wraps: the linear
 * model's probabilities plus a tiny contribution from a deep stack of Gemm+Sigmoid layers, then
 * renormalised. The hidden layers share one weight matrix (as ALBERT shares layers), so the file
 * stays about 1 MB while every row costs {@code layers} dense {@code width x width} products.
 * Sigmoid keeps activations in (0,1): no overflow and no slow denormal arithmetic, whatever the depth.
 */
final class SlowGraphBuilder {

    private static final float NUDGE = 1e-4f;

    private final int width;
    private final int layers;
    private final SplittableRandom random;

    SlowGraphBuilder(int width, int layers, long seed) {
        this.width = width;
        this.layers = layers;
        this.random = new SplittableRandom(seed);
    }

    ONNXContext build(LinearSGDModel classifier, int features, int classes) {
        ONNXContext onnx = new ONNXContext();
        onnx.setName("iris-slow");
        ONNXPlaceholder input = onnx.floatInput("input", features);
        ONNXPlaceholder output = onnx.floatOutput("output", classes);
        ONNXNode probabilities = classifier.writeONNXGraph(input);
        ONNXNode hidden = dense(onnx, input, "heavy_in", features, width);
        ONNXInitializer shared = weights(onnx, "heavy_shared", width, width);
        ONNXInitializer sharedBias = weights(onnx, "heavy_shared_bias", width);
        for (int i = 0; i < layers; i++) {
            // Explicit names: Tribuo's default concatenates input names, which grows with depth.
            hidden = hidden.apply(ONNXOperators.GEMM, refs(shared, sharedBias), "layer" + i + "_gemm")
                    .apply(ONNXOperators.SIGMOID, "layer" + i);
        }
        ONNXNode heavy = dense(onnx, hidden, "heavy_out", width, classes);
        ONNXNode nudged = probabilities.apply(ONNXOperators.ADD, heavy.apply(ONNXOperators.MUL, onnx.constant("heavy_nudge", NUDGE)));
        ONNXNode total = onnx.operation(ONNXOperators.REDUCE_SUM, refs(nudged, onnx.array("sum_axes", new long[] {1})),
                "row_sum", Map.of("keepdims", 1));
        nudged.apply(ONNXOperators.DIV, total).assignTo(output);
        return onnx;
    }

    private ONNXNode dense(ONNXContext onnx, ONNXRef<?> in, String name, int from, int to) {
        return in.apply(ONNXOperators.GEMM, refs(weights(onnx, name, from, to), weights(onnx, name + "_bias", to)), name + "_gemm")
                .apply(ONNXOperators.SIGMOID, name);
    }

    /** Uniform in +-1/sqrt(fan-in), so pre-activations stay near unit scale. */
    private ONNXInitializer weights(ONNXContext onnx, String name, int... dims) {
        double bound = 1 / Math.sqrt(dims[0]);
        List<Integer> shape = dims.length == 1 ? List.of(dims[0]) : List.of(dims[0], dims[1]);
        int count = dims.length == 1 ? dims[0] : dims[0] * dims[1];
        return onnx.floatTensor(name, shape, buffer -> {
            for (int i = 0; i < count; i++) {
                buffer.put((float) ((random.nextDouble() * 2 - 1) * bound));
            }
        });
    }

    private static List<ONNXRef<?>> refs(ONNXRef<?>... refs) {
        return List.of(refs);
    }
}
