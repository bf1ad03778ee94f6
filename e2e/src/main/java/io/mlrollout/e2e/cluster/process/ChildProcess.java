package io.mlrollout.e2e.cluster.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program started as a child process (a Java application or a control-plane binary), with its
 * output appended to a log file in its work folder. The environment is the parent's minus anything
 * that configures the applications under test, plus what the caller gives: a model server must see
 * only its pod's env.
 */
public final class ChildProcess {

    /** Small heaps and a fast-starting JIT: many of these share two cores. */
    public static final List<String> LEAN_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    private static final List<String> SCRUBBED_PREFIXES = List.of("QUARKUS_", "MODEL_", "INFERENCE_", "MLROLLOUT_", "KUBECONFIG");

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java -jar} with the lean flags, a heap limit and its own temporary directory. */
    public static ChildProcess startJar(Path jar, String heap, Map<String, String> env, Path workDir) {
        Path tmp = createDirectories(workDir.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(LEAN_FLAGS);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-jar");
        command.add(jar.toString());
        return start(command, env, workDir);
    }

    /** Any program; its output goes to {@code output.log} in {@code workDir}. */
    public static ChildProcess start(List<String> command, Map<String, String> env, Path workDir) {
        try {
            createDirectories(workDir);
            Path log = workDir.resolve("output.log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(key -> SCRUBBED_PREFIXES.stream().anyMatch(key::startsWith));
            builder.environment().putAll(env);
            Process process = builder.start();
            ProcessReaper.register(process);
            return new ChildProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}, as the kubelet does. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL at once: a crash, or a node that loses power. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
