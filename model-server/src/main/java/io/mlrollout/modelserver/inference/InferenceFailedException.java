package io.mlrollout.modelserver.inference;

/** The engine failed on input that passed validation: the server's fault, not the client's. */
public class InferenceFailedException extends RuntimeException {

    public InferenceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
