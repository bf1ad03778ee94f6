package io.mlrollout.e2e.cluster.controlplane;

import io.mlrollout.e2e.cluster.process.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where etcd keeps its data for one run: in memory (/dev/shm) where the machine has it. etcd runs
 * with --unsafe-no-fsync as well; a test cluster's data never needs to survive the machine.
 */
final class EtcdDataDir {

    private EtcdDataDir() {
    }

    static Path create() {
        Path shm = Path.of("/dev/shm");
        try {
            Path parent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = Files.createTempDirectory(parent, "mlrollout-e2e-etcd-");
            // /dev/shm is memory: a run stopped with Ctrl-C must not leave its data there.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> WorkDirs.delete(dir), "mlrollout-e2e-etcd-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data folder for etcd", e);
        }
    }
}
