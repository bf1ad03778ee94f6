package io.mlrollout.e2e.k3s;

import io.mlrollout.e2e.cluster.process.BuiltApplications;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Builds the operator and model-server images from their Dockerfiles and the built quarkus-app
 * folders, under the tags the manifests and the operator's defaults name, and imports them into
 * k3s's containerd, so that no registry is needed.
 */
final class K3sImages {

    private K3sImages() {
    }

    static String operatorImage(String version) {
        return "ghcr.io/mlrollout/mlrollout-operator:" + version;
    }

    static String modelServerImage(String version) {
        return "ghcr.io/mlrollout/mlrollout-model-server:" + version;
    }

    static void buildAndImport(K3sContainer k3s, BuiltApplications apps, String version, Path workDir) {
        apps.operatorJar();
        apps.modelServerJar();
        importImage(k3s, build(apps.repository().resolve("operator"), operatorImage(version)), workDir);
        importImage(k3s, build(apps.repository().resolve("model-server"), modelServerImage(version)), workDir);
    }

    private static String build(Path module, String tag) {
        return new ImageFromDockerfile(tag, false)
                .withFileFromPath("Dockerfile", module.resolve("src/main/docker/Dockerfile.jvm"))
                .withFileFromPath("target/quarkus-app", module.resolve("target/quarkus-app"))
                .get();
    }

    private static void importImage(K3sContainer k3s, String image, Path workDir) {
        try {
            Path tar = Files.createDirectories(workDir.resolve("images")).resolve(image.replaceAll("[^a-zA-Z0-9.-]", "_") + ".tar");
            try (InputStream saved = DockerClientFactory.instance().client().saveImageCmd(image).exec()) {
                Files.copy(saved, tar, StandardCopyOption.REPLACE_EXISTING);
            }
            k3s.copyFileToContainer(MountableFile.forHostPath(tar), "/tmp/image.tar");
            var result = k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", "/tmp/image.tar");
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("importing " + image + " into k3s failed: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + image + " into k3s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing " + image, e);
        }
    }
}
