package io.mlrollout.modelserver.http;

import java.util.Optional;

/**
 * One entry of a request's {@code outputs}: the output's name, whether its data should travel in
 * the binary data extension (empty: the request's {@code binary_data_output} decides), and the
 * number of top classes to return instead of the raw tensor (0: the raw tensor).
 */
record OutputRequest(String name, Optional<Boolean> binary, int classification) {

    static OutputRequest all(String name) {
        return new OutputRequest(name, Optional.empty(), 0);
    }

    boolean binary(boolean requestDefault) {
        return binary.orElse(requestDefault);
    }
}
