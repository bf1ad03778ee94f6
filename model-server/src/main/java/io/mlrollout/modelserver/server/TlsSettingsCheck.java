package io.mlrollout.modelserver.server;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Half a TLS configuration is a mistake to stop at, not a reason to serve plain HTTP. */
@ApplicationScoped
class TlsSettingsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSettingsCheck.class);

    void onStart(@Observes StartupEvent event) {
        boolean cert = isSet(System.getenv(TlsConfigSource.CERT_VARIABLE));
        boolean key = isSet(System.getenv(TlsConfigSource.KEY_VARIABLE));
        if (cert != key) {
            throw new IllegalStateException("TLS needs both " + TlsConfigSource.CERT_VARIABLE + " and "
                    + TlsConfigSource.KEY_VARIABLE + "; only " + (cert ? TlsConfigSource.CERT_VARIABLE : TlsConfigSource.KEY_VARIABLE)
                    + " is set");
        }
        if (cert) {
            LOG.info("TLS on: HTTPS only, certificate {}", System.getenv(TlsConfigSource.CERT_VARIABLE));
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
