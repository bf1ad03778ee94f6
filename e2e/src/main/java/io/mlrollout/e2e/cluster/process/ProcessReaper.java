package io.mlrollout.e2e.cluster.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process the e2e cluster starts is registered here, and a JVM shutdown hook kills
 * whatever is still alive. A test that fails, times out or is interrupted with Ctrl-C must not
 * leave model servers or an operator behind, holding loopback ports for the next run.
 */
final class ProcessReaper {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "mlrollout-e2e-reaper"));
    }

    private ProcessReaper() {
    }

    static void register(Process process) {
        LIVE.add(process);
        process.onExit().thenAccept(LIVE::remove);
    }

    static void killAll() {
        for (Process process : LIVE) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
