package io.mlrollout.e2e.cluster.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An HTTP probe with the kubelet's thresholds: success is any status from 200 to 399; the result
 * flips to failed after {@code failureThreshold} failures in a row and back after one success.
 */
final class HttpProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final URI uri;
    private final int failureThreshold;
    private boolean passing;
    private int failuresInARow;
    private int lastStatus;

    HttpProbe(URI uri, int failureThreshold, boolean initiallyPassing) {
        this.uri = uri;
        this.failureThreshold = Math.max(1, failureThreshold);
        this.passing = initiallyPassing;
    }

    /** Probes once and returns whether the probe now counts as passing. */
    boolean probe() {
        lastStatus = statusCode();
        if (lastStatus >= 200 && lastStatus < 400) {
            passing = true;
            failuresInARow = 0;
        } else if (++failuresInARow >= failureThreshold) {
            passing = false;
        }
        return passing;
    }

    boolean passing() {
        return passing;
    }

    int failuresInARow() {
        return failuresInARow;
    }

    /** The kubelet's message for a failed HTTP probe (it does not include the body). */
    String failureMessage() {
        return lastStatus > 0 ? "HTTP probe failed with statuscode: " + lastStatus : "Get \"" + uri + "\": connection refused";
    }

    private int statusCode() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
