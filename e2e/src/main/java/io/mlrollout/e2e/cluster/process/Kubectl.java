package io.mlrollout.e2e.cluster.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl against a cluster's kubeconfig, bounded in time. */
public final class Kubectl {

    private static final long TIMEOUT_SECONDS = 60;

    /** What kubectl printed and how it exited. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "$ " + String.join(" ", command) + "\n(exit " + exitCode + ")\n" + stdout + (stderr.isBlank() ? "" : "\nstderr:\n" + stderr);
        }
    }

    private Kubectl() {
    }

    /** A kubectl that runs until it exits or is stopped, such as {@code get -w}. */
    public static final class Background {
        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;

        private Background(List<String> command, Process process, Path out, Path err) {
            this.command = command;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** What it printed so far. */
        public String output() {
            return read(out);
        }

        /**
         * Stops it and returns everything it printed. Stopped while running (what a watch is for)
         * counts as exit code 0; if it had ended by itself, its own exit code.
         */
        public Result stop() {
            boolean running = process.isAlive();
            process.destroy();
            awaitExit(10);
            return result(running ? 0 : process.exitValue());
        }

        private boolean awaitExit(long seconds) {
            try {
                if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                    return true;
                }
                process.destroyForcibly();
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while waiting for kubectl", e);
            }
        }

        private Result result(int exitCode) {
            Result result = new Result(command, exitCode, read(out), read(err));
            try {
                Files.delete(out);
                Files.delete(err);
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove kubectl's output files", e);
            }
            return result;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read kubectl's output", e);
            }
        }
    }

    /** Runs kubectl to its end (at most a minute). */
    public static Result run(Path kubeconfig, String namespace, String... args) {
        Background kubectl = start(kubeconfig, namespace, args);
        if (!kubectl.awaitExit(TIMEOUT_SECONDS)) {
            throw new IllegalStateException("kubectl did not finish within " + TIMEOUT_SECONDS + "s: " + kubectl.command);
        }
        return kubectl.result(kubectl.process.exitValue());
    }

    /** Starts kubectl and returns at once; see {@link Background#stop()}. */
    public static Background start(Path kubeconfig, String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--namespace", namespace));
        command.addAll(List.of(args));
        try {
            // Output goes to files: a pipe nobody reads while waiting could fill up and block kubectl.
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            ProcessReaper.register(process);
            return new Background(command, process, out, err);
        } catch (IOException e) {
            throw new IllegalStateException("kubectl could not be run (is it on the PATH?): " + e.getMessage(), e);
        }
    }
}
