package io.mlrollout.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.mlrollout.operator.metrics.PodHttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks a model server that is not Ready why not: its /v2/health/ready answers 503 with a reason
 * such as "model sha256 mismatch". The reason goes into the rollback message, so users need not
 * read pod logs to learn why a version never served.
 */
final class ModelServerReadiness {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = PodHttpClients.create(TIMEOUT);

    Optional<String> reason(List<Pod> pods) {
        for (Pod pod : pods) {
            Optional<String> reason = ask(pod);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private Optional<String> ask(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getPodIP() == null) {
            return Optional.empty();
        }
        URI uri = PodEndpoints.uri(pod, "/v2/health/ready");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.body());
            String reason = body.path("reason").asText("");
            return reason.isBlank() ? Optional.empty() : Optional.of(reason);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
