package io.mlrollout.router.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.router.metrics.RouterMetrics;
import io.mlrollout.router.resilience.CanaryEjection;
import io.mlrollout.router.resilience.EjectionRule;
import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.RoutingTableSource;
import io.mlrollout.router.server.RouterSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The paths the router serves, on the Quarkus HTTP server's Vert.x router (event loops only, nothing
 * blocks): {@code POST /v2/models/{name}[/versions/{v}]/infer} and every {@code GET} under {@code /v2}
 * are forwarded; anything else under {@code /v2} is a 405, any other path a 404, both as JSON errors.
 * {@code /q/metrics} and {@code /q/health} are Quarkus' own.
 */
@ApplicationScoped
public class InferenceRoutes {

    private static final int[] FRAMEWORK_STATUSES = {400, 404, 405, 413, 414, 431, 500};

    private final RoutingTableSource tables;
    private final RouterSettings settings;
    private final MeterRegistry registry;
    private final Vertx vertx;
    private BackendClient backends;

    InferenceRoutes(RoutingTableSource tables, RouterSettings settings, MeterRegistry registry, Vertx vertx) {
        this.tables = tables;
        this.settings = settings;
        this.registry = registry;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        backends = new BackendClient(vertx, settings.backendConnections(), settings.connectTimeout());
        CanaryEjection ejection = new CanaryEjection(new EjectionRule(settings.ejectAfter()));
        RouterMetrics metrics = new RouterMetrics(registry, () -> weightInEffect(tables.current(), ejection),
                () -> ejection.isEjected(canaryOf(tables.current())));
        RequestDispatcher dispatcher = new RequestDispatcher(tables, backends, ejection, metrics, new RequestDispatcher.DispatchLimits(
                settings.requestTimeout(), settings.canaryAttemptTimeout(), settings.hashKeyHeader(), settings.ejectAfter()));
        long maxBytes = settings.maxRequestBytes().asLongValue();
        // The first JSON encoding loads Jackson, which on a busy node holds an event loop for seconds: pay it at start.
        JsonErrors.warmUp();

        router.postWithRegex("/v2/models/[^/]+(/versions/[^/]+)?/infer").handler(context -> BoundedBody.read(context.request(), maxBytes)
                .onSuccess(body -> dispatcher.dispatch(context.request(), body))
                .onFailure(error -> refuseBody(context, error, metrics)));
        router.getWithRegex("/v2(/.*)?").handler(context -> dispatcher.dispatch(context.request(), null));
        router.routeWithRegex("/v2(/.*)?").handler(context -> {
            metrics.response(405);
            JsonErrors.send(context.response(), 405, "the router forwards only POST .../infer and GET requests under /v2, not "
                    + context.request().method() + " " + context.request().path());
        });
        for (int status : FRAMEWORK_STATUSES) {
            router.errorHandler(status, context -> JsonErrors.send(context.response(), status,
                    status == 404 ? "no such endpoint: " + context.request().path() : "request failed with HTTP status " + status));
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (backends != null) {
            backends.close();
        }
    }

    private static void refuseBody(RoutingContext context, Throwable error, RouterMetrics metrics) {
        int status = error instanceof BoundedBody.TooLarge ? 413 : 400;
        metrics.response(status);
        JsonErrors.send(context.response(), status, error.getMessage()).onComplete(sent -> {
            if (status == 413) {
                // The rest of the body is never read, so the connection cannot carry another request.
                context.request().connection().close();
            }
        });
    }

    private static ModelRef canaryOf(RoutingTable table) {
        return table.canary() == null ? null : table.canary().model();
    }

    private static int weightInEffect(RoutingTable table, CanaryEjection ejection) {
        return ejection.isEjected(canaryOf(table)) ? 0 : table.canaryWeight();
    }
}
