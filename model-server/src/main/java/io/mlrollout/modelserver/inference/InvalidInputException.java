package io.mlrollout.modelserver.inference;

/**
 * The request cannot be served as sent (the client's fault). The message names the problem and is
 * returned to the client, so it must never quote element values.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
