package io.mlrollout.modelserver.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One private directory per process under java.io.tmpdir for downloaded models and DJL caches:
 * many servers may share /tmp (the e2e cluster runs dozens), and the image allows writes
 * only there.
 */
final class WorkDirectory {

    private WorkDirectory() {}

    static Path create() throws IOException {
        return Files.createTempDirectory("mlrollout-model-server-");
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory lives under tmp, which the platform cleans anyway.
        }
    }
}
