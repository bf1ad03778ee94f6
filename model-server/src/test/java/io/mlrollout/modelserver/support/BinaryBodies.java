package io.mlrollout.modelserver.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Request bodies in the binary data extension's layout: a JSON header, then raw little-endian bytes. */
public final class BinaryBodies {

    private BinaryBodies() {}

    /** A JSON header followed by {@code binary}; the header's byte length is what Inference-Header-Content-Length must say. */
    public record Body(byte[] bytes, int jsonLength) {}

    public static Body of(String json, byte[]... binary) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int size = header.length;
        for (byte[] part : binary) {
            size += part.length;
        }
        ByteBuffer body = ByteBuffer.allocate(size).put(header);
        for (byte[] part : binary) {
            body.put(part);
        }
        return new Body(body.array(), header.length);
    }

    public static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /** The JSON header of a one-input iris request whose data travels as {@code size} binary bytes. */
    public static String irisHeader(String shape, long size, String extra) {
        return "{\"id\":\"bin-1\",\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":" + shape
                + ",\"parameters\":{\"binary_data_size\":" + size + "}}]" + extra + "}";
    }
}
