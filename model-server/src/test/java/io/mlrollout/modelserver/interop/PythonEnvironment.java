package io.mlrollout.modelserver.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A Python virtual environment holding exactly the packages of a requirements file, created on first
 * use and kept under {@code ~/.cache/mlrollout/python/<sha256 of the file>}: a later run with the
 * same file finds its stamp and skips pip, and a changed file gets a new environment. It is built
 * in a scratch directory and renamed into place, so concurrent builds never see half an environment.
 * A failing pip fails the caller with pip's output: the interoperability test must not quietly skip.
 */
final class PythonEnvironment {

    static final String STAMP = ".mlrollout-installed";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

    private final Path home;

    private PythonEnvironment(Path home) {
        this.home = home;
    }

    /** @param python the interpreter to base the environment on ({@code python3}, or a path) */
    static PythonEnvironment ensure(Path requirements, String python, Path cacheRoot) throws IOException, InterruptedException {
        Path home = homeFor(requirements, cacheRoot);
        if (Files.exists(home.resolve(STAMP))) {
            return new PythonEnvironment(home);
        }
        Files.createDirectories(cacheRoot);
        Path scratch = Files.createTempDirectory(cacheRoot, "building-");
        try {
            ProcessRun.run(List.of(python, "-m", "venv", scratch.toString()), cacheRoot, INSTALL_TIMEOUT).requireSuccess("python -m venv");
            ProcessRun.run(List.of(scratch.resolve("bin/python").toString(), "-m", "pip", "install", "--disable-pip-version-check",
                    "--no-input", "--only-binary=:all:", "--requirement", requirements.toString()), cacheRoot, INSTALL_TIMEOUT)
                    .requireSuccess("pip install --requirement " + requirements);
            Files.writeString(scratch.resolve(STAMP), requirements + "\n");
            try {
                Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherBuildWon) {
                if (!Files.exists(home.resolve(STAMP))) {
                    throw anotherBuildWon;
                }
            }
        } finally {
            ProcessRun.deleteTree(scratch);
        }
        return new PythonEnvironment(home);
    }

    /** Where the environment for {@code requirements} lives: named by the file's sha256. */
    static Path homeFor(Path requirements, Path cacheRoot) throws IOException {
        return cacheRoot.resolve(sha256(requirements));
    }

    /** The environment's interpreter. A venv moved after creation still works when run by this path. */
    Path python() {
        return home.resolve("bin/python");
    }

    static Path defaultCacheRoot() {
        return Path.of(System.getProperty("user.home"), ".cache", "mlrollout", "python");
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
