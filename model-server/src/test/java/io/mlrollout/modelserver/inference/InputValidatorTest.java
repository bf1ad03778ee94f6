package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InputValidatorTest {

    private static final ModelSignature TWO_INPUTS = new ModelSignature(
            List.of(new TensorSpec("features", TensorType.FP32, new long[] {-1, 4}),
                    new TensorSpec("ids", TensorType.INT64, new long[] {-1})),
            List.of(new TensorSpec("scores", TensorType.FP32, new long[] {-1, 3})));

    private static Tensor features(long rows, int values) {
        return new Tensor("features", new long[] {rows, 4}, TensorData.of(new float[values]));
    }

    private static Tensor ids(long rows) {
        return new Tensor("ids", new long[] {rows}, TensorData.of(new long[(int) rows]));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("no inputs", List.of(), "the request has no inputs"),
                Arguments.of("unknown name", List.of(features(1, 4), ids(1),
                        new Tensor("extra", new long[] {1}, TensorData.of(new float[1]))), "unknown input 'extra'"),
                Arguments.of("missing input", List.of(features(1, 4)), "missing input 'ids'"),
                Arguments.of("given twice", List.of(features(1, 4), features(1, 4), ids(1)), "given more than once"),
                Arguments.of("wrong datatype", List.of(
                        new Tensor("features", new long[] {1, 4}, TensorData.of(new double[4])), ids(1)),
                        "input 'features' has datatype FP64 but the model expects FP32"),
                Arguments.of("shape vs data length", List.of(features(2, 7), ids(2)),
                        "has shape [2,4], which holds 8 elements, but 7 data elements were sent"),
                Arguments.of("shape vs model", List.of(
                        new Tensor("features", new long[] {1, 5}, TensorData.of(new float[5])), ids(1)),
                        "has shape [1,5] but the model expects [-1,4]"),
                Arguments.of("rank vs model", List.of(
                        new Tensor("features", new long[] {4}, TensorData.of(new float[4])), ids(1)),
                        "has shape [4] but the model expects [-1,4]"),
                Arguments.of("empty batch", List.of(features(0, 0), ids(0)), "is an empty batch"),
                Arguments.of("overflowing shape", List.of(
                        new Tensor("features", new long[] {Long.MAX_VALUE, 4}, TensorData.of(new float[4])), ids(1)),
                        "has an invalid shape"),
                Arguments.of("batch sizes differ", List.of(features(2, 8), ids(3)),
                        "inputs disagree on the batch size: 2 and 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsWithAMessageNamingTheProblem(String description, List<Tensor> inputs, String message) {
        assertThatThrownBy(() -> new InputValidator(TWO_INPUTS).validate(inputs))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("batchSizes")
    void acceptsAnyBatchSizeThatFitsTheSignature(int rows) {
        assertThatCode(() -> new InputValidator(TWO_INPUTS).validate(List.of(features(rows, rows * 4), ids(rows))))
                .doesNotThrowAnyException();
    }

    static Stream<Integer> batchSizes() {
        return Stream.of(1, 2, 64);
    }
}
