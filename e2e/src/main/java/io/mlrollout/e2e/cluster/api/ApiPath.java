package io.mlrollout.e2e.cluster.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request path of the Kubernetes REST API taken apart:
 * {@code /apis/<group>/<version>[/namespaces/<ns>]/<plural>[/<name>[/<subresource>]]?<query>}
 * ({@code /api/v1/...} for the core group, whose name is "").
 */
record ApiPath(String raw, String path, Map<String, String> query, String group, String version, String namespace,
               String plural, String name, String subresource) {

    static ApiPath parse(String rawPath) {
        int q = rawPath.indexOf('?');
        String path = q < 0 ? rawPath : rawPath.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(rawPath.substring(q + 1));
        List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        int rest;
        String group;
        String version;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            rest = 2;
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            rest = 3;
        } else {
            return new ApiPath(rawPath, path, query, null, null, null, null, null, null);
        }
        List<String> tail = parts.subList(rest, parts.size());
        String namespace = null;
        if (tail.size() >= 3 && tail.get(0).equals("namespaces")) {
            namespace = tail.get(1);
            tail = tail.subList(2, tail.size());
        }
        return new ApiPath(rawPath, path, query, group, version, namespace, at(tail, 0), at(tail, 1), at(tail, 2));
    }

    /** A request for resources, not for discovery or anything else. */
    boolean isResource() {
        return plural != null;
    }

    boolean isCollection() {
        return plural != null && name == null;
    }

    boolean isMainResource() {
        return plural != null && name != null && subresource == null;
    }

    boolean isWatch() {
        return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
    }

    /** The path with the query rebuilt without the {@code dropped} parameters. */
    String withoutQuery(String... dropped) {
        Map<String, String> kept = new LinkedHashMap<>(query);
        for (String parameter : dropped) {
            kept.remove(parameter);
        }
        if (kept.size() == query.size() && !query.isEmpty()) {
            return raw;
        }
        if (kept.isEmpty()) {
            return path;
        }
        return path + "?" + kept.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String at(List<String> parts, int index) {
        return parts.size() > index ? parts.get(index) : null;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }
}
