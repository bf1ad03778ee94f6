package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts what kubectl and a real API server add in front of the mock API server's CRUD store:
 * discovery, server-side Tables, schema validation of custom resources, field selectors on Events,
 * and JSON content types. Everything else goes to the store unchanged.
 */
final class ApiDispatcher extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher store;
    private final SchemaAdmission admission;
    private final ResourceCatalog catalog = new ResourceCatalog(this::storedCrds);
    private final OpenApiV3 openApi = new OpenApiV3(catalog);
    private volatile Discovery discovery;

    ApiDispatcher(Dispatcher store, SchemaAdmission admission) {
        this.store = store;
        this.admission = admission;
    }

    /** Discovery names the server's address, known only once it listens. */
    void serveDiscoveryFor(String serverAddress) {
        discovery = new Discovery(catalog, serverAddress);
    }

    @Override
    public MockResponse dispatch(RecordedRequest incoming) {
        // kubectl adds ?timeout=32s to every call, and the store drops a status PATCH with a query.
        RecordedRequest request = withPath(incoming, ApiPath.parse(incoming.getPath())
                .withoutQuery("timeout", "fieldManager", "fieldValidation"));
        ApiPath path = ApiPath.parse(request.getPath());
        String method = request.getMethod();
        if (path.path().startsWith("/openapi/")) {
            return openApi.document(path.path()).map(doc -> json(200, doc))
                    .orElseGet(() -> json(404, status(404, "NotFound", "the simulated cluster serves no OpenAPI v2 and no schemas")));
        }
        if (method.equals("GET") && discovery != null) {
            Optional<ObjectNode> document = discovery.document(path.path());
            if (document.isPresent()) {
                return json(200, document.get());
            }
        }
        Optional<SchemaAdmission.Verdict> rejected = admission.review(method, path, request.getHeader("Content-Type"),
                bodyText(request), this::stored);
        if (rejected.isPresent()) {
            return json(422, SchemaAdmission.invalidStatus(path.group(), rejected.get()));
        }
        MockResponse response = method.equals("GET") && FieldSelectors.applies(path) ? selected(path) : store.dispatch(request);
        if (method.equals("GET") && path.isResource() && !path.isWatch() && response.code() == 200) {
            response = TableConverter.wantsTable(request.getHeader("Accept")) ? asTable(path, response) : typedList(path, response);
        }
        return withJsonContentType(response);
    }

    @Override
    public void shutdown() {
        store.shutdown();
    }

    private MockResponse selected(ApiPath path) {
        MockResponse all = store.dispatch(get(path.withoutQuery("fieldSelector", "timeout")));
        JsonNode list = body(all);
        if (all.code() != 200 || list == null || !list.has("items")) {
            return all;
        }
        ArrayNode kept = JSON.createArrayNode();
        list.path("items").forEach(item -> {
            if (FieldSelectors.matches(path.query().get("fieldSelector"), item)) {
                kept.add(item);
            }
        });
        ((ObjectNode) list).set("items", kept);
        return json(200, list);
    }

    private MockResponse asTable(ApiPath path, MockResponse response) {
        JsonNode body = body(response);
        Optional<ApiResource> resource = catalog.find(path.group(), path.plural());
        if (body == null || resource.isEmpty()) {
            return response;
        }
        return json(200, TableConverter.toTable(body, PrinterColumns.of(resource.get())));
    }

    /** The store answers lists as kind "List"; clients that decode typed lists (kubectl describe's Events) need "EventList". */
    private MockResponse typedList(ApiPath path, MockResponse response) {
        if (!path.isCollection()) {
            return response;
        }
        JsonNode body = body(response);
        Optional<ApiResource> resource = catalog.find(path.group(), path.plural());
        if (body == null || resource.isEmpty() || !"List".equals(body.path("kind").asText())) {
            return response;
        }
        ((ObjectNode) body).put("kind", resource.get().kind() + "List").put("apiVersion", resource.get().groupVersion());
        return json(200, body);
    }

    private List<JsonNode> storedCrds() {
        JsonNode list = body(store.dispatch(get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")));
        List<JsonNode> crds = new ArrayList<>();
        if (list != null) {
            list.path("items").forEach(crds::add);
        }
        return crds;
    }

    private JsonNode stored(String path) {
        MockResponse response = store.dispatch(get(path));
        return response.code() == 200 ? body(response) : null;
    }

    private static RecordedRequest get(String path) {
        return new RecordedRequest("HTTP/1.1", HttpMethod.GET, path, Headers.builder().build(), new Buffer());
    }

    private static RecordedRequest withPath(RecordedRequest request, String path) {
        if (path.equals(request.getPath())) {
            return request;
        }
        return new RecordedRequest(request.getHttpVersion(), request.method(), path, request.getHeaders(), request.getBody());
    }

    // Not getUtf8Body(): reading a Buffer that way empties it, and the store still needs the body.
    private static String bodyText(RecordedRequest request) {
        return request.getBody() == null ? null : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    private static JsonNode body(MockResponse response) {
        if (response.getBody() == null || response.getBody().size() == 0) {
            return null;
        }
        try {
            return JSON.readTree(response.getBody().getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure").put("reason", reason).put("message", message).put("code", code);
    }

    // kubectl describe fails on responses without a content type.
    private static MockResponse withJsonContentType(MockResponse response) {
        if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        return response;
    }
}
