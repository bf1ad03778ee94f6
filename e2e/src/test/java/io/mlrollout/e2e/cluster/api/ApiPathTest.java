package io.mlrollout.e2e.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiPathTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "/api/v1/namespaces/ml/pods,                                        '', v1, ml, pods, -, -",
            "/api/v1/namespaces/ml/pods/p1/status,                              '', v1, ml, pods, p1, status",
            "/api/v1/namespaces/ml,                                             '', v1, -, namespaces, ml, -",
            "/apis/apps/v1/deployments,                                         apps, v1, -, deployments, -, -",
            "/apis/mlrollout.io/v1alpha1/namespaces/ml/modeldeployments/iris,   mlrollout.io, v1alpha1, ml, modeldeployments, iris, -",
            "/apis/mlrollout.io/v1alpha1/namespaces/ml/modeldeployments?watch=1, mlrollout.io, v1alpha1, ml, modeldeployments, -, -"})
    void takesResourcePathsApart(String raw, String group, String version, String namespace, String plural, String name, String sub) {
        ApiPath path = ApiPath.parse(raw);

        assertThat(path.group()).isEqualTo(group);
        assertThat(path.version()).isEqualTo(version);
        assertThat(path.namespace()).isEqualTo(namespace);
        assertThat(path.plural()).isEqualTo(plural);
        assertThat(path.name()).isEqualTo(name);
        assertThat(path.subresource()).isEqualTo(sub);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/namespaces/ml/events?timeout=32s,                                   /api/v1/namespaces/ml/events",
            "/api/v1/pods?labelSelector=a%3Db&timeout=32s,                                /api/v1/pods?labelSelector=a%3Db",
            "/apis/x/v1/namespaces/ml/ys/y/status?fieldManager=kubectl&fieldValidation=Strict, /apis/x/v1/namespaces/ml/ys/y/status",
            "/api/v1/pods?labelSelector=a%3Db,                                            /api/v1/pods?labelSelector=a%3Db"})
    void dropsTheQueryParametersTheStoreCannotMatch(String raw, String expected) {
        assertThat(ApiPath.parse(raw).withoutQuery("timeout", "fieldManager", "fieldValidation")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"/version", "/apis", "/openapi/v3"})
    void nonResourcePathsAreNotResources(String raw) {
        assertThat(ApiPath.parse(raw).isResource()).isFalse();
    }
}
