package io.mlrollout.operator.metrics;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTP clients for talking to model-server pods directly, by the pod IP the API server gave.
 *
 * <p>A pod that serves HTTPS ({@code spec.serving.tls}) presents the user's certificate, issued for
 * the name clients use (a Service, an ingress host), never for a pod IP, and often by a private CA
 * the operator has no reason to be given. The operator knows which pod it is talking to from the
 * API server, not from the certificate, and reads only health and metrics, so it accepts the
 * certificate without checking it: the connection is encrypted, the peer is the pod at that IP.
 */
public final class PodHttpClients {

    private PodHttpClients() {
    }

    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(acceptingPodCertificates()).build();
    }

    private static SSLContext acceptingPodCertificates() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnyPodCertificate()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    /** Extended, so that the JDK does not add its own host name check against the pod IP. */
    private static final class AcceptAnyPodCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client-side trust manager only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client-side trust manager only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client-side trust manager only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
