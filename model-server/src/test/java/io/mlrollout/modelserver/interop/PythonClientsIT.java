package io.mlrollout.modelserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.modelserver.samples.EchoModels;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged server driven by the Python clients people already use, pinned in
 * {@code src/test/python/requirements.txt} and installed by this test into a cached virtual
 * environment ({@link PythonEnvironment}): tritonclient.http with binary data on and off, and
 * KServe's v2 REST client. Each script prints one line per check, which this test repeats on failure.
 */
class PythonClientsIT {

    private static final Path SCRIPTS = Path.of("src/test/python");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

    private static PythonEnvironment python;
    private static ServerProcess iris;
    private static ServerProcess echo;

    @BeforeAll
    static void installClientsAndStartServers() throws Exception {
        python = PythonEnvironment.ensure(SCRIPTS.resolve("requirements.txt").toAbsolutePath(),
                System.getProperty("interop.python", "python3"), PythonEnvironment.defaultCacheRoot());
        Path work = Files.createDirectories(Path.of("target", "interop"));
        String echoModel = EchoModels.write(work.resolve("echo/model.onnx").toAbsolutePath(), EchoModels.SERVABLE);
        iris = ServerProcess.start(ServerProcess.packagedJar(),
                Map.of("MODEL_NAME", "iris", "MODEL_VERSION", "v1", "MODEL_URI", SampleModels.IRIS_V1, "DRAIN_PERIOD", "0"),
                work.resolve("iris-server.log"));
        echo = ServerProcess.start(ServerProcess.packagedJar(),
                Map.of("MODEL_NAME", "echo", "MODEL_VERSION", "v1", "MODEL_URI", echoModel, "DRAIN_PERIOD", "0"),
                work.resolve("echo-server.log"));
    }

    @AfterAll
    static void stopServers() {
        for (ServerProcess server : new ServerProcess[] {iris, echo}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void tritonClientWithBinaryDataOnAndOff() throws Exception {
        assertScriptPasses("tritonclient_interop.py", hostPort(iris), hostPort(echo));
    }

    @Test
    void kserveRestClient() throws Exception {
        assertScriptPasses("kserve_interop.py", baseUrl(iris), baseUrl(echo));
    }

    private static String hostPort(ServerProcess server) {
        return "127.0.0.1:" + server.address().getPort();
    }

    private static String baseUrl(ServerProcess server) {
        return "http://" + hostPort(server);
    }

    private static void assertScriptPasses(String script, String irisAddress, String echoAddress) throws Exception {
        ProcessRun run = ProcessRun.run(List.of(python.python().toString(), script, irisAddress, echoAddress),
                SCRIPTS.toAbsolutePath(), SCRIPT_TIMEOUT, Map.of("PYTHONDONTWRITEBYTECODE", "1"));
        assertThat(run.exitCode())
                .as("%s exit code; its output:%n%s%nserver logs: %s, %s", script, run.output(), iris.log(), echo.log())
                .isZero();
        assertThat(run.output()).contains(" passed, 0 failed");
    }
}
