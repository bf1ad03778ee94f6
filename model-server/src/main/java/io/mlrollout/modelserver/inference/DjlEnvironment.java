package io.mlrollout.modelserver.inference;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings DJL reads once, when its engine class first loads, so they are applied before any
 * model is touched:
 *
 * <ul>
 *   <li>offline and opted out of tracking: otherwise DJL probes a cloud metadata address at the
 *       first engine load, which hangs in clusters without egress;
 *   <li>cache directories inside this process's private work directory: many servers may share
 *       one /tmp (the e2e cluster runs dozens), and the image allows writes only to /tmp.
 * </ul>
 *
 * ONNX Runtime itself unpacks its native library into a fresh {@code Files.createTempDirectory}
 * per process, so concurrent processes do not collide there.
 */
public final class DjlEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(DjlEnvironment.class);

    private DjlEnvironment() {}

    public static synchronized void prepare(Path workDir) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
        setIfAbsent("DJL_CACHE_DIR", workDir.resolve("djl-cache").toString());
        setIfAbsent("ENGINE_CACHE_DIR", workDir.resolve("djl-engines").toString());
        warnIfEnvironmentOptsIn("DJL_OFFLINE");
        warnIfEnvironmentOptsIn("OPT_OUT_TRACKING");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getenv(name) == null && System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    // DJL lets the environment win over system properties; say so rather than pretend to be offline.
    private static void warnIfEnvironmentOptsIn(String name) {
        String value = System.getenv(name);
        if (value != null && !Boolean.parseBoolean(value)) {
            LOG.warn("{}={} in the environment overrides this server's offline setting; unset it", name, value);
        }
    }
}
