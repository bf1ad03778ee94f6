package io.mlrollout.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlrollout.manifests.ApiCall.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Least privilege, checked: the roles bound to the operator's ServiceAccount in a rendered
 * kustomization must grant exactly the calls of api-access.yaml for the components it uses, with no
 * wildcard, no Secrets and no non-resource URLs. Leader election's Lease is granted only in the
 * operator's namespace; everything else cluster-wide, since the operator watches every namespace.
 */
final class RbacCheck {

    /** Group/resources the operator uses only in its own namespace. */
    static final Set<String> OWN_NAMESPACE_ONLY = Set.of("coordination.k8s.io/leases");
    static final String CLUSTER = "cluster-wide";

    private final String serviceAccountNamespace;
    private final String serviceAccountName;

    RbacCheck(String serviceAccountNamespace, String serviceAccountName) {
        this.serviceAccountNamespace = serviceAccountNamespace;
        this.serviceAccountName = serviceAccountName;
    }

    /** Every problem found, one sentence each; empty when the RBAC is right. */
    List<String> problems(List<JsonNode> objects, List<ApiCall> calls, Set<String> components) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> roles = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            if (kind.equals("Role") || kind.equals("ClusterRole")) {
                roles.put(roleKey(kind, namespace(object), name(object)), object);
                problems.addAll(ruleProblems(object));
            }
        }
        Map<Permission, Set<String>> granted = new LinkedHashMap<>();
        Set<String> boundRoles = new LinkedHashSet<>();
        for (JsonNode binding : objects) {
            String kind = binding.path("kind").asText();
            if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
                continue;
            }
            String scope = kind.equals("ClusterRoleBinding") ? CLUSTER : namespace(binding);
            problems.addAll(subjectProblems(binding, scope));
            boolean bindsOperator = false;
            for (JsonNode subject : binding.path("subjects")) {
                bindsOperator |= isOperator(subject, scope);
            }
            JsonNode roleRef = binding.path("roleRef");
            String roleKind = roleRef.path("kind").asText();
            String key = roleKey(roleKind, roleKind.equals("Role") ? scope : "", roleRef.path("name").asText());
            JsonNode role = roles.get(key);
            if (role == null) {
                problems.add(describe(binding) + " binds " + roleKind + " " + roleRef.path("name").asText()
                        + ", which these manifests do not define, so its rules cannot be checked");
                continue;
            }
            boundRoles.add(key);
            if (!bindsOperator) {
                continue;
            }
            for (Permission permission : permissions(role)) {
                granted.computeIfAbsent(permission, p -> new LinkedHashSet<>()).add(scope);
            }
        }
        roles.keySet().stream().filter(key -> !boundRoles.contains(key))
                .forEach(key -> problems.add(key + " is bound to nobody: remove it"));

        Set<Permission> expected = new LinkedHashSet<>();
        for (ApiCall call : calls) {
            if (call.optionalComponent() == null || components.contains(call.optionalComponent())) {
                expected.addAll(call.permissions());
            }
        }
        for (Permission permission : expected) {
            String scope = requiredScope(permission);
            Set<String> scopes = granted.getOrDefault(permission, Set.of());
            if (!scopes.contains(scope)) {
                problems.add("the operator calls " + permission + " (api-access.yaml) but no role grants it "
                        + (scope.equals(CLUSTER) ? "cluster-wide" : "in namespace " + scope));
            }
        }
        granted.forEach((permission, scopes) -> {
            if (!expected.contains(permission)) {
                problems.add("a role grants " + permission + ", which api-access.yaml does not list"
                        + (components.isEmpty() ? "" : " for components " + components));
            } else {
                scopes.stream().filter(scope -> !scope.equals(requiredScope(permission))).forEach(scope -> problems.add(
                        "a role grants " + permission + " " + (scope.equals(CLUSTER) ? "cluster-wide" : "in namespace " + scope)
                                + ", more widely or elsewhere than needed (" + requiredScope(permission) + ")"));
            }
        });
        return problems;
    }

    private String requiredScope(Permission permission) {
        return OWN_NAMESPACE_ONLY.contains(permission.groupResource()) ? serviceAccountNamespace : CLUSTER;
    }

    private List<String> subjectProblems(JsonNode binding, String scope) {
        List<String> problems = new ArrayList<>();
        JsonNode subjects = binding.path("subjects");
        if (subjects.isEmpty()) {
            problems.add(describe(binding) + " has no subjects");
        }
        for (JsonNode subject : subjects) {
            if (!isOperator(subject, scope)) {
                problems.add(describe(binding) + " binds " + subject + "; only ServiceAccount "
                        + serviceAccountNamespace + "/" + serviceAccountName + " may be bound");
            }
        }
        return problems;
    }

    private boolean isOperator(JsonNode subject, String scope) {
        String namespace = subject.path("namespace").asText(scope.equals(CLUSTER) ? "" : scope);
        return subject.path("kind").asText().equals("ServiceAccount")
                && subject.path("name").asText().equals(serviceAccountName)
                && namespace.equals(serviceAccountNamespace);
    }

    /** Wildcards, Secrets, non-resource URLs and aggregation in one role. */
    static List<String> ruleProblems(JsonNode role) {
        List<String> problems = new ArrayList<>();
        if (role.has("aggregationRule")) {
            problems.add(describe(role) + " aggregates other roles: its permissions cannot be checked");
        }
        int index = 0;
        for (JsonNode rule : role.path("rules")) {
            String where = describe(role) + " rule " + index++;
            for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
                for (JsonNode value : rule.path(field)) {
                    if (value.asText().contains("*")) {
                        problems.add(where + " has a wildcard in " + field + ": " + value.asText());
                    }
                }
            }
            if (rule.has("nonResourceURLs")) {
                problems.add(where + " grants nonResourceURLs " + rule.path("nonResourceURLs"));
            }
            for (JsonNode resource : rule.path("resources")) {
                String name = resource.asText();
                if (name.equals("secrets") || name.startsWith("secrets/")) {
                    problems.add(where + " grants access to Secrets");
                }
            }
            if (rule.path("apiGroups").isEmpty() || rule.path("resources").isEmpty() || rule.path("verbs").isEmpty()) {
                if (!rule.has("nonResourceURLs")) {
                    problems.add(where + " lacks apiGroups, resources or verbs");
                }
            }
        }
        return problems;
    }

    static List<Permission> permissions(JsonNode role) {
        List<Permission> permissions = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        permissions.add(new Permission(group.asText(), resource.asText(), verb.asText()));
                    }
                }
            }
        }
        return permissions;
    }

    private static String roleKey(String kind, String namespace, String name) {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    private static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static String describe(JsonNode object) {
        String namespace = namespace(object);
        return object.path("kind").asText() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name(object);
    }
}
