package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.InvalidInputException;
import java.nio.ByteBuffer;

/**
 * The bytes after the JSON header of a binary data extension request, handed out to the inputs
 * that declare a {@code binary_data_size}, in order. Every byte must be claimed, and no input may
 * claim more than remains: sizes that do not add up are a client error, never a guess.
 */
final class BinaryBody {

    static final String HEADER = "Inference-Header-Content-Length";

    private final ByteBuffer rest;

    BinaryBody(ByteBuffer afterJson) {
        this.rest = afterJson.slice();
    }

    /** How many leading bytes of a {@code bodyLength}-byte body are JSON, from the header's value. */
    static int jsonLength(String headerValue, int bodyLength) {
        if (headerValue == null) {
            return bodyLength;
        }
        long length;
        try {
            length = Long.parseLong(headerValue.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(HEADER + " must be a non-negative integer (bytes of JSON before the binary data)");
        }
        if (length < 0) {
            throw new InvalidInputException(HEADER + " must be a non-negative integer (bytes of JSON before the binary data)");
        }
        if (length > bodyLength) {
            throw new InvalidInputException(HEADER + " is " + length + " but the body has only " + bodyLength + " bytes");
        }
        return (int) length;
    }

    ByteBuffer claim(long size, String label) {
        if (size > rest.remaining()) {
            throw new InvalidInputException(label + " declares binary_data_size " + size + " but only " + rest.remaining()
                    + " bytes of binary data remain (check " + HEADER + " and each input's binary_data_size)");
        }
        ByteBuffer claimed = rest.slice();
        claimed.limit((int) size);
        rest.position(rest.position() + (int) size);
        return claimed;
    }

    void requireFullyClaimed() {
        if (rest.hasRemaining()) {
            throw new InvalidInputException(rest.remaining() + " bytes after the JSON header are not claimed by any input's "
                    + "binary_data_size (check " + HEADER + ")");
        }
    }
}
