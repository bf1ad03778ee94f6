package io.mlrollout.modelserver.inference;

/** Where the one served model stands; the server is ready only in {@link Ready}. */
public sealed interface ModelState {

    /** Fetching, verifying or loading; not ready yet. */
    record Loading() implements ModelState {}

    record Ready(ServedModel model) implements ModelState {}

    /** Loading failed for good; the process stays up so the reason can be read, but never turns ready. */
    record Failed(String reason) implements ModelState {}

    default boolean isReady() {
        return this instanceof Ready;
    }

    /** Why the model is not ready, for probes and error responses. */
    default String notReadyReason() {
        if (this instanceof Failed failed) {
            return "model failed to load: " + failed.reason();
        }
        return this instanceof Loading ? "model is still loading" : "";
    }
}
