package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A reconcile error as a person can act on it: the API server's own message where there is one. */
final class ReconcileErrors {

    private static final int MAX_LENGTH = 512;

    private ReconcileErrors() {
    }

    static String describe(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; depth < 10 && cause != null; depth++, cause = cause.getCause()) {
            if (cause instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
                return bounded("HTTP " + k.getCode() + ": " + k.getStatus().getMessage());
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return bounded(message);
    }

    private static String bounded(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "...";
    }
}
