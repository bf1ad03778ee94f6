package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RBAC check itself catches every kind of mistake it exists for. */
class RbacCheckTest {

    private static final RbacCheck CHECK = new RbacCheck("ops", "op");

    private static final List<ApiCall> CALLS = List.of(
            new ApiCall("apps", "deployments", List.of("get", "create"), null),
            new ApiCall("", "events", List.of("create"), null),
            new ApiCall("coordination.k8s.io", "leases", List.of("get"), null),
            new ApiCall("gateway.networking.k8s.io", "httproutes", List.of("get"), "gateway-api"));

    private static final String CLUSTER_ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: op}
            rules:
              - {apiGroups: [apps], resources: [deployments], verbs: [get, create]}
              - {apiGroups: [""], resources: [events], verbs: [create]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: op}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: op}
            subjects: [{kind: ServiceAccount, name: op, namespace: ops}]
            """;

    private static final String LEASE_ROLE = """
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: lease, namespace: ops}
            rules:
              - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: lease, namespace: ops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: lease}
            subjects: [{kind: ServiceAccount, name: op, namespace: ops}]
            """;

    private static List<String> problems(String yaml, Set<String> components) {
        return CHECK.problems(Yaml.readAll(yaml), CALLS, components);
    }

    @Test
    void exactlyTheCallsPasses() {
        assertThat(problems(CLUSTER_ROLE + LEASE_ROLE, Set.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            wildcard verb           | verbs: [get, create]              | verbs: ['*']                       | wildcard in verbs: *
            wildcard resource       | resources: [deployments]          | resources: ['*']                   | wildcard in resources: *
            wildcard group          | apiGroups: [apps]                 | apiGroups: ['*']                   | wildcard in apiGroups: *
            secrets                 | resources: [deployments]          | resources: [deployments, secrets]  | grants access to Secrets
            subresource wildcard    | resources: [deployments]          | resources: [deployments, 'deployments/*'] | wildcard in resources
            call not granted        | verbs: [get, create]              | verbs: [get]                       | calls create apps/deployments (api-access.yaml) but no role grants it
            permission not listed   | verbs: [get, create]              | verbs: [get, create, delete]       | grants delete apps/deployments, which api-access.yaml does not list
            other subject           | name: op, namespace: ops}]        | name: default, namespace: ops}]    | only ServiceAccount ops/op may be bound
            """)
    void aMistakeInTheClusterRoleIsReported(String mistake, String from, String to, String expected) {
        assertThat(CLUSTER_ROLE).contains(from);
        assertThat(problems(CLUSTER_ROLE.replace(from, to) + LEASE_ROLE, Set.of()))
                .anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void leasesMustBeGrantedInTheOperatorNamespaceOnly() {
        String clusterWideLeases = CLUSTER_ROLE.replace("verbs: [create]}", "verbs: [create]}\n  - {apiGroups: [coordination.k8s.io], "
                + "resources: [leases], verbs: [get]}");
        assertThat(problems(clusterWideLeases + LEASE_ROLE, Set.of()))
                .containsExactly("a role grants get coordination.k8s.io/leases cluster-wide, more widely or elsewhere than needed (ops)");
        assertThat(problems(CLUSTER_ROLE, Set.of()))
                .containsExactly("the operator calls get coordination.k8s.io/leases (api-access.yaml) but no role grants it "
                        + "in namespace ops");
    }

    @Test
    void anOptionalComponentsCallsAreNeededWithItAndForbiddenWithoutIt() {
        String httpRoutes = """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: routes}
                rules: [{apiGroups: [gateway.networking.k8s.io], resources: [httproutes], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: routes}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: routes}
                subjects: [{kind: ServiceAccount, name: op, namespace: ops}]
                """;
        assertThat(problems(CLUSTER_ROLE + LEASE_ROLE + httpRoutes, Set.of("gateway-api"))).isEmpty();
        assertThat(problems(CLUSTER_ROLE + LEASE_ROLE, Set.of("gateway-api")))
                .anySatisfy(problem -> assertThat(problem).contains("calls get gateway.networking.k8s.io/httproutes"));
        assertThat(problems(CLUSTER_ROLE + LEASE_ROLE + httpRoutes, Set.of()))
                .anySatisfy(problem -> assertThat(problem).contains("grants get gateway.networking.k8s.io/httproutes, which "
                        + "api-access.yaml does not list"));
    }

    @Test
    void unboundRolesUndefinedRolesAndNonResourceUrlsAreReported() {
        String extra = """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: unused}
                rules: [{nonResourceURLs: [/metrics], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: admin}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: ServiceAccount, name: op, namespace: ops}]
                """;
        List<String> problems = new ArrayList<>(problems(CLUSTER_ROLE + LEASE_ROLE + extra, Set.of()));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ClusterRole unused is bound to nobody"))
                .anySatisfy(p -> assertThat(p).contains("grants nonResourceURLs"))
                .anySatisfy(p -> assertThat(p).contains("binds ClusterRole cluster-admin, which these manifests do not define"));
    }

    @Test
    void permissionsExpandEveryGroupResourceAndVerb() {
        JsonNode role = Yaml.readAll("""
                kind: ClusterRole
                rules: [{apiGroups: ["", apps], resources: [a, b], verbs: [get, list]}]
                """).get(0);
        assertThat(RbacCheck.permissions(role)).hasSize(8);
    }
}
