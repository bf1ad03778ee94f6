package io.mlrollout.e2e.cluster.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a timeout, for the cluster code (the tests use Awaitility). */
public final class Waits {

    private static final long POLL_MILLIS = 200;

    private Waits() {
    }

    /**
     * Polls {@code condition} until it holds; an exception it throws ends the wait at once.
     *
     * @throws IllegalStateException naming {@code what} when {@code timeout} passes first
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
