package io.mlrollout.router.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers cross the router. Hop-by-hop headers (RFC 9110, section 7.6.1) belong to one connection
 * and never do; Host and Content-Length are set anew for each side; the router's own request headers
 * stay with the router. Everything else, Authorization included, passes unchanged both ways.
 */
final class Headers {

    static final String PIN = "x-mlrollout-version";
    static final String SERVED_BY = "x-mlrollout-served-by";
    static final String FALLBACK = "x-mlrollout-fallback";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private Headers() {
    }

    static MultiMap towardsPod(MultiMap fromCaller, String hashKeyHeader, String requestId) {
        MultiMap out = HttpHeaders.headers();
        for (Map.Entry<String, String> header : fromCaller) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.equals(PIN) && !name.equalsIgnoreCase(hashKeyHeader)
                    && !name.equalsIgnoreCase(RequestIds.HEADER)) {
                out.add(header.getKey(), header.getValue());
            }
        }
        return out.set(RequestIds.HEADER, requestId);
    }

    static void copyTowardsCaller(MultiMap fromPod, MultiMap toCaller) {
        for (Map.Entry<String, String> header : fromPod) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                toCaller.add(header.getKey(), header.getValue());
            }
        }
    }
}
