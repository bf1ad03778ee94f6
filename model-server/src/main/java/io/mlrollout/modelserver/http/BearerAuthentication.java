package io.mlrollout.modelserver.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Optional bearer-token authentication (AUTH_TOKEN; off when unset or empty) for everything under
 * {@code /v2/models/}: inference and metadata. Health endpoints and {@code /q/metrics} stay open,
 * since kubelet probes and metric scrapes carry no token. A missing or wrong token gets 401 with
 * {@code WWW-Authenticate: Bearer} and the protocol's JSON error; on the inference path it is
 * counted as a client error.
 */
@ApplicationScoped
class BearerAuthentication {

    /** Before the inference route and Quarkus REST, so no protected handler ever sees the request. */
    static final int ORDER = InferenceRoute.ORDER - 10;

    private static final Pattern INFER_PATH = Pattern.compile("/v2/models/([^/]+)(?:/versions/([^/]+))?/infer");
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> expectedDigest;
    private final InferenceHandler inference;
    private final JsonResponses responses;

    BearerAuthentication(@ConfigProperty(name = "auth.token") Optional<String> token, InferenceHandler inference,
            JsonResponses responses) {
        this.expectedDigest = token.filter(value -> !value.isBlank()).map(value -> sha256(value.strip()));
        this.inference = inference;
        this.responses = responses;
    }

    void register(@Observes Router router) {
        if (expectedDigest.isPresent()) {
            router.route("/v2/models/*").order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (authenticated(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            context.next();
            return;
        }
        request.response().putHeader("WWW-Authenticate", "Bearer");
        String message = "missing or wrong bearer token: send the header 'Authorization: Bearer <token>'";
        Matcher infer = INFER_PATH.matcher(request.path());
        if (infer.matches() && request.method().name().equals("POST")) {
            String requestId = RequestIds.fromHeader(request.getHeader(RequestIds.HEADER));
            InferenceRoute.refuseUnread(request, requestId, inference.refused(infer.group(1), infer.group(2), requestId, 401, message));
            return;
        }
        request.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(responses.bytes(new V2Messages.ErrorBody(message))));
    }

    /** Compares digests, so the time taken tells nothing of the token, not even its length. */
    private boolean authenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest.get(), sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
