package io.mlrollout.e2e.cluster;

/** The operator under test, which a scenario can kill and start again. */
public interface OperatorControl {

    /** Starts the operator and returns once it reports ready. */
    void start();

    /** Kills it at once (SIGKILL, or deleting its pod with no grace period). */
    void kill();

    boolean isRunning();

    /** The last lines of its log, across restarts. */
    String logTail(int lines);
}
