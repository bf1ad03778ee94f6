package io.mlrollout.modelserver.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interop test's environment: reused when stamped, and a failing pip is an error with pip's words. */
class PythonEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void aStampedEnvironmentIsReusedWithoutRunningPythonAtAll() throws Exception {
        Path requirements = Files.writeString(dir.resolve("requirements.txt"), "example==1.0\n");
        Path cache = dir.resolve("cache");
        Path home = Files.createDirectories(PythonEnvironment.homeFor(requirements, cache));
        Files.writeString(home.resolve(PythonEnvironment.STAMP), "installed earlier\n");

        PythonEnvironment reused = PythonEnvironment.ensure(requirements, "/no/such/python", cache);

        assertThat(reused.python()).isEqualTo(home.resolve("bin/python"));
    }

    @Test
    void aFailingPipFailsWithItsOutputAndLeavesNoEnvironmentBehind() throws Exception {
        // Rejected by pip while parsing, before any network access.
        Path requirements = Files.writeString(dir.resolve("requirements.txt"), "not a requirement ===\n");
        Path cache = dir.resolve("cache");

        assertThatThrownBy(() -> PythonEnvironment.ensure(requirements, System.getProperty("interop.python", "python3"), cache))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pip install --requirement")
                .hasMessageContaining("Invalid requirement");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }
}
