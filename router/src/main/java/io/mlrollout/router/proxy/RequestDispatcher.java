package io.mlrollout.router.proxy;

import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.router.metrics.RouterMetrics;
import io.mlrollout.router.resilience.AttemptResult;
import io.mlrollout.router.resilience.CanaryEjection;
import io.mlrollout.router.resilience.CanaryJudgement;
import io.mlrollout.router.resilience.FallbackPolicy;
import io.mlrollout.router.resilience.FallbackReason;
import io.mlrollout.router.resilience.Outcome;
import io.mlrollout.router.routing.Endpoint;
import io.mlrollout.router.routing.Role;
import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.RoutingTableSource;
import io.mlrollout.router.routing.VersionEndpoints;
import io.mlrollout.router.routing.VersionSelection;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One request through the router: pick the version (pin, hash key or weight), send the first attempt,
 * retry a failed canary attempt once on the stable version, feed the fast-fail rule, count, answer.
 * The decisions are the pure classes' ({@link VersionSelection}, {@link FallbackPolicy},
 * {@link CanaryJudgement}); this class only moves bytes and keeps the counters.
 */
final class RequestDispatcher {

    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class);

    private final RoutingTableSource tables;
    private final BackendClient backends;
    private final CanaryEjection ejection;
    private final RouterMetrics metrics;
    private final DispatchLimits limits;
    private final AtomicLong weightedChoices = new AtomicLong();
    private final Map<Role, AtomicLong> roundRobin = new EnumMap<>(Map.of(Role.STABLE, new AtomicLong(), Role.CANARY, new AtomicLong()));

    RequestDispatcher(RoutingTableSource tables, BackendClient backends, CanaryEjection ejection, RouterMetrics metrics,
            DispatchLimits limits) {
        this.tables = tables;
        this.backends = backends;
        this.ejection = ejection;
        this.metrics = metrics;
        this.limits = limits;
    }

    void dispatch(HttpServerRequest request, Buffer body) {
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        RoutingTable table = tables.current();
        String requestId = RequestIds.forRequest(request.getHeader(RequestIds.HEADER));
        request.response().putHeader(RequestIds.HEADER, requestId);
        ModelRef canary = table.canary() == null ? null : table.canary().model();
        VersionSelection.Result selection = VersionSelection.select(table, request.getHeader(Headers.PIN),
                request.getHeader(limits.hashKeyHeader()), weightedChoices::getAndIncrement, ejection.isEjected(canary));
        if (selection instanceof VersionSelection.Refused refused) {
            respondWithError(request.response(), refused.status(), refused.message());
            return;
        }
        VersionSelection.Chosen chosen = (VersionSelection.Chosen) selection;
        metrics.routed(chosen.version().role());
        Exchange exchange = new Exchange(request, body, Headers.towardsPod(request.headers(), limits.hashKeyHeader(), requestId),
                deadline, table, canary);
        Duration firstTimeout = chosen.version().role() == Role.CANARY && !chosen.pinned()
                ? min(limits.canaryAttemptTimeout(), exchange.remaining()) : exchange.remaining();
        attempt(exchange, chosen.version(), firstTimeout).onSuccess(first -> afterFirst(exchange, chosen, first));
    }

    private void afterFirst(Exchange exchange, VersionSelection.Chosen chosen, BackendAnswer first) {
        if (chosen.version().role() == Role.STABLE) {
            observeStable(exchange, first);
            respond(exchange, chosen.version(), first, null);
            return;
        }
        Optional<VersionEndpoints> stable = exchange.table().routable(Role.STABLE);
        Optional<FallbackReason> fallback = FallbackPolicy.retryOnStable(
                new FallbackPolicy.FirstAttempt(Role.CANARY, chosen.pinned(), first.result()),
                stable.isPresent(), exchange.remaining().toMillis() > 0);
        if (fallback.isEmpty()) {
            observeCanary(exchange, CanaryJudgement.of(first.result(), Optional.empty()));
            respond(exchange, chosen.version(), first, null);
            return;
        }
        metrics.fallback(fallback.get());
        attempt(exchange, stable.get(), exchange.remaining()).onSuccess(retry -> {
            observeCanary(exchange, CanaryJudgement.of(first.result(), Optional.of(retry.result())));
            observeStable(exchange, retry);
            respond(exchange, stable.get(), retry, fallback.get());
        });
    }

    private Future<BackendAnswer> attempt(Exchange exchange, VersionEndpoints version, Duration timeout) {
        Endpoint pod = version.endpoints().get((int) Math.floorMod(roundRobin.get(version.role()).getAndIncrement(),
                (long) version.endpoints().size()));
        HttpServerRequest request = exchange.request();
        return backends.send(pod, request.method(), request.uri(), exchange.podHeaders(), exchange.body(), timeout)
                .onSuccess(answer -> metrics.attempt(version.version(), version.role(), answer.result().outcome(), answer.nanos()));
    }

    private void observeCanary(Exchange exchange, CanaryJudgement judgement) {
        if (ejection.onCanary(exchange.canary(), judgement)) {
            logEjection(exchange.canary());
        }
    }

    private void observeStable(Exchange exchange, BackendAnswer answer) {
        boolean succeeded = answer.answered() && answer.status() < 500;
        if (ejection.onStable(exchange.canary(), succeeded)) {
            logEjection(exchange.canary());
        }
    }

    private void logEjection(ModelRef canary) {
        LOG.warnf("canary %s ejected: its last %d judged attempts failed while the stable version succeeded; it gets no new "
                + "traffic from this router until the status names another canary", canary.getVersion(), limits.ejectAfter());
    }

    private void respond(Exchange exchange, VersionEndpoints servedBy, BackendAnswer answer, FallbackReason fallback) {
        HttpServerResponse response = exchange.request().response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.putHeader(Headers.SERVED_BY, servedBy.version());
        if (fallback != null) {
            response.putHeader(Headers.FALLBACK, fallback.label());
        }
        if (!answer.answered()) {
            boolean timedOut = answer.result() instanceof AttemptResult.TimedOut;
            metrics.response(timedOut ? Outcome.TIMEOUT : Outcome.REJECTED);
            JsonErrors.send(response, timedOut ? 504 : 502, "version " + servedBy.version()
                    + (timedOut ? " did not answer in time" : " refused or dropped the connection"));
            return;
        }
        metrics.response(answer.status());
        Headers.copyTowardsCaller(answer.headers(), response.headers());
        response.setStatusCode(answer.status()).end(answer.body());
    }

    private void respondWithError(HttpServerResponse response, int status, String message) {
        metrics.response(status);
        JsonErrors.send(response, status, message);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What the attempts of one request share. */
    private record Exchange(HttpServerRequest request, Buffer body, MultiMap podHeaders, long deadline, RoutingTable table,
            ModelRef canary) {
        Duration remaining() {
            return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        }
    }

    /** The settings a request needs. */
    record DispatchLimits(Duration requestTimeout, Duration canaryAttemptTimeout, String hashKeyHeader, int ejectAfter) {
    }
}
