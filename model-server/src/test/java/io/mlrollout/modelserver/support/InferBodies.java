package io.mlrollout.modelserver.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Open Inference Protocol v2 request bodies for the iris samples. */
public final class InferBodies {

    private InferBodies() {}

    /** One FP32 "input" tensor holding the typical rows of {@code species}, nested per row. */
    public static String typicalRows(List<String> species) {
        String rows = species.stream().map(SampleModels::typicalJson).collect(Collectors.joining(","));
        return input("FP32", "[" + species.size() + ",4]", "[" + rows + "]");
    }

    public static String typicalRow(String species) {
        return typicalRows(List.of(species));
    }

    /** A syntactically valid body just over the default 1 MiB limit. */
    public static byte[] oversized() {
        StringBuilder data = new StringBuilder("[0.5");
        while (data.length() < 1_100_000) {
            data.append(",0.5");
        }
        return input("FP32", "[1,4]", data.append("]").toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** A body with one tensor named "input"; shape and data are JSON literals. */
    public static String input(String datatype, String shape, String data) {
        return "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"" + datatype + "\",\"shape\":" + shape
                + ",\"data\":" + data + "}]}";
    }
}
