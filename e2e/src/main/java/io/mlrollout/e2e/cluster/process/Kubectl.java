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

    /** A kubectl that runs until stopped, such as {@code get -w}. */
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
            try {
                return Files.readString(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read kubectl's output", e);
            }
        }

        /**
         * Stops it and returns everything it printed. Stopped while running (what a watch is for)
         * counts as exit code 0; if it had ended by itself, its own exit code.
         */
        public Result stop() {
            boolean running = process.isAlive();
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
                Result result = new Result(command, running ? 0 : process.exitValue(), output(), Files.readString(err, StandardCharsets.UTF_8));
                Files.delete(out);
                Files.delete(err);
                return result;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read kubectl's output", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while stopping kubectl", e);
            }
        }
    }

    public static Background start(Path kubeconfig, String namespace, String... args) {
        List<String> command = command(kubeconfig, namespace, args);
        try {
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            ProcessReaper.register(process);
            return new Background(command, process, out, err);
        } catch (IOException e) {
            throw new IllegalStateException("kubectl could not be run (is it on the PATH?): " + e.getMessage(), e);
        }
    }

    private static List<String> command(Path kubeconfig, String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--namespace", namespace));
        command.addAll(List.of(args));
        return command;
    }

    public static Result run(Path kubeconfig, String namespace, String... args) {
        List<String> command = command(kubeconfig, namespace, args);
        try {
            // Output goes to files: a pipe nobody reads while waiting could fill up and block kubectl.
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl did not finish within " + TIMEOUT_SECONDS + "s: " + command);
            }
            Result result = new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl could not be run (is it on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kubectl", e);
        }
    }
}
