package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.mlrollout.e2e.cluster.process.ChildProcess;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One pod on the emulated node: its address, its container process, restarts with back-off, and
 * its probes. Driven by {@link #tick}; never blocks longer than one probe.
 */
final class PodSandbox {

    /** Why and when the container last stopped, for {@code lastState.terminated}. */
    record Termination(int exitCode, String reason, Instant startedAt, Instant finishedAt) {
    }

    private final Pod pod;
    private final ContainerSpec spec;
    private final InetAddress address;
    private final Path workDir;
    private final ContainerLauncher launcher;
    private final NodeSettings settings;
    private final Instant createdAt;
    /** Read by {@link #crash()} from other threads. */
    private volatile ChildProcess process;
    private Instant startedAt;
    private Instant restartAt;
    private int restartCount;
    private Termination lastTermination;
    private HttpProbe readiness;
    private HttpProbe liveness;
    private Instant nextReadinessProbe;
    private Instant nextLivenessProbe;
    private Instant readySince;
    private Instant notReadySince;

    PodSandbox(Pod pod, InetAddress address, Path workDir, ContainerLauncher launcher, NodeSettings settings, Instant now) {
        this.pod = pod;
        this.spec = ContainerSpec.of(pod);
        this.address = address;
        this.workDir = workDir;
        this.launcher = launcher;
        this.settings = settings;
        this.createdAt = now;
        this.restartAt = now;
        this.notReadySince = now;
    }

    void tick(Instant now) {
        if (process == null) {
            if (!now.isBefore(restartAt)) {
                startContainer(now);
            }
            return;
        }
        if (!process.isAlive()) {
            containerStopped(now, process.exitCode(), process.exitCode() == 0 ? "Completed" : "Error");
            return;
        }
        probe(now);
    }

    private void startContainer(Instant now) {
        process = launcher.launch(pod, spec.container(), address, workDir);
        startedAt = now;
        readiness = spec.readiness().map(p -> new HttpProbe(spec.probeUri(p, address), ContainerSpec.failureThreshold(p), false))
                .orElse(null);
        liveness = spec.liveness().map(p -> new HttpProbe(spec.probeUri(p, address), ContainerSpec.failureThreshold(p), true))
                .orElse(null);
        nextReadinessProbe = now.plus(spec.readiness().map(ContainerSpec::initialDelay).orElse(Duration.ZERO));
        nextLivenessProbe = now.plus(spec.liveness().map(p -> ContainerSpec.initialDelay(p).plus(ContainerSpec.period(p)))
                .orElse(Duration.ZERO));
        setReady(readiness == null, now);
    }

    private void probe(Instant now) {
        if (readiness != null && !now.isBefore(nextReadinessProbe)) {
            setReady(readiness.probe(), now);
            Duration period = ContainerSpec.period(spec.readiness().get());
            nextReadinessProbe = now.plus(period.compareTo(settings.maxReadinessPeriod()) < 0 ? period : settings.maxReadinessPeriod());
        }
        // Liveness keeps the pod's own period: compressing it would kill servers that are still starting.
        if (liveness != null && !now.isBefore(nextLivenessProbe)) {
            nextLivenessProbe = now.plus(ContainerSpec.period(spec.liveness().get()));
            if (!liveness.probe()) {
                process.kill();
                containerStopped(now, 137, "Error");
            }
        }
    }

    private void containerStopped(Instant now, int exitCode, String reason) {
        lastTermination = new Termination(exitCode, reason, startedAt, now);
        process = null;
        restartCount++;
        restartAt = now.plus(settings.backOffAfter(restartCount));
        setReady(false, now);
    }

    private void setReady(boolean ready, Instant now) {
        if (ready && readySince == null) {
            readySince = now;
            notReadySince = null;
        } else if (!ready && notReadySince == null) {
            notReadySince = now;
            readySince = null;
        }
    }

    /**
     * Stops the container on the caller's thread as a kubelet does: the preStop sleep when the pod
     * spec has one and the pod was deleted ({@code drain}), then SIGTERM, then SIGKILL when the
     * pod's grace period (which the preStop hook uses up too) is over. At once when the node goes down.
     */
    void terminate(boolean drain) {
        if (process != null) {
            Duration grace = ContainerSpec.terminationGrace(pod);
            Duration preStop = drain ? spec.preStopSleep() : Duration.ZERO;
            if (preStop.compareTo(grace) > 0) {
                preStop = grace;
            }
            sleep(preStop);
            process.stop(drain ? grace.minus(preStop) : Duration.ZERO);
        }
    }

    /**
     * SIGKILL of the container's process, as a crash or an OOM kill; the next tick restarts it after
     * back-off. @return whether a running process was killed
     */
    boolean crash() {
        ChildProcess running = process;
        if (running == null || !running.isAlive()) {
            return false;
        }
        running.kill();
        return true;
    }

    // --- read by PodStatuses -------------------------------------------------------------------

    Pod pod() {
        return pod;
    }

    InetAddress address() {
        return address;
    }

    Path workDir() {
        return workDir;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    boolean ready() {
        return readySince != null;
    }

    Instant readinessChangedAt() {
        return readySince != null ? readySince : notReadySince;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    int restartCount() {
        return restartCount;
    }

    Termination lastTermination() {
        return lastTermination;
    }

    boolean inBackOff() {
        return process == null && restartCount > 0;
    }

    Duration backOff() {
        return settings.backOffAfter(restartCount);
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    HttpProbe readinessProbe() {
        return readiness;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
