package io.mlrollout.modelserver.server;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Optional TLS from TLS_CERT_FILE and TLS_KEY_FILE (PEM, as a kubernetes.io/tls Secret mounts them):
 * when both are set, the server's one port (QUARKUS_HTTP_PORT, PORT or 8080) serves HTTPS only.
 * Quarkus would otherwise keep plain HTTP on its port and open HTTPS on another, so this source
 * derives its settings from the two variables at start. Its ordinal is below the environment's, so
 * a {@code QUARKUS_HTTP_*} variable still wins. With only one of the two set the server refuses to
 * start ({@link TlsSettingsCheck}) rather than silently serving plain HTTP.
 */
public class TlsConfigSource implements ConfigSource {

    static final String CERT_VARIABLE = "TLS_CERT_FILE";
    static final String KEY_VARIABLE = "TLS_KEY_FILE";

    private final Map<String, String> properties;

    public TlsConfigSource() {
        this(System::getenv);
    }

    TlsConfigSource(Function<String, String> environment) {
        this.properties = derive(environment);
    }

    static Map<String, String> derive(Function<String, String> environment) {
        String cert = nonBlank(environment.apply(CERT_VARIABLE));
        String key = nonBlank(environment.apply(KEY_VARIABLE));
        if (cert == null || key == null) {
            return Map.of();
        }
        String port = nonBlank(environment.apply("QUARKUS_HTTP_PORT"));
        if (port == null) {
            port = nonBlank(environment.apply("PORT"));
        }
        return Map.of(
                "quarkus.http.ssl.certificate.files", cert,
                "quarkus.http.ssl.certificate.key-files", key,
                "quarkus.http.ssl-port", port == null ? "8080" : port,
                "quarkus.http.insecure-requests", "disabled");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "TLS_CERT_FILE and TLS_KEY_FILE";
    }

    /** Above application.properties (250), below the environment (300). */
    @Override
    public int getOrdinal() {
        return 275;
    }
}
