package io.mlrollout.router.proxy;

import io.mlrollout.router.resilience.AttemptResult;
import io.mlrollout.router.routing.Endpoint;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;

/**
 * Sends one attempt to one model-server pod over pooled keep-alive HTTP/1.1 connections, bounded by a
 * deadline on the whole exchange, and never fails its future: a refused, reset or timed-out attempt is
 * an {@link AttemptResult} like an answer.
 */
final class BackendClient {

    private final Vertx vertx;
    private final HttpClient client;

    BackendClient(Vertx vertx, int connectionsPerPod, Duration connectTimeout) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) connectTimeout.toMillis())
                        .setTcpNoDelay(true).setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(connectionsPerPod));
    }

    Future<BackendAnswer> send(Endpoint pod, HttpMethod method, String uri, MultiMap headers, Buffer body, Duration timeout) {
        long start = System.nanoTime();
        Promise<BackendAnswer> done = Promise.promise();
        RequestOptions options = new RequestOptions().setMethod(method).setHost(pod.host()).setPort(pod.port())
                .setURI(uri).setHeaders(headers);
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (done.tryComplete(new BackendAnswer(new AttemptResult.TimedOut(), null, null, System.nanoTime() - start)) && sent[0] != null) {
                sent[0].reset();
            }
        });
        client.request(options)
                .compose(request -> {
                    sent[0] = request;
                    return body == null ? request.send() : request.send(body);
                })
                .compose(response -> response.body().map(answer -> new BackendAnswer(
                        new AttemptResult.Answered(response.statusCode()), response.headers(), answer, System.nanoTime() - start)))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    done.tryComplete(result.succeeded() ? result.result()
                            : new BackendAnswer(new AttemptResult.Refused(), null, null, System.nanoTime() - start));
                });
        return done.future();
    }

    Future<Void> close() {
        return client.close();
    }
}
