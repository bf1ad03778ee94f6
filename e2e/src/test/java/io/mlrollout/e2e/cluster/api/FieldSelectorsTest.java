package io.mlrollout.e2e.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorsTest {

    private static final String EVENT = """
            {"type": "Warning", "involvedObject": {"kind": "ModelDeployment", "name": "iris", "namespace": "ml", "uid": "u1"}}
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "involvedObject.name=iris,involvedObject.namespace=ml,involvedObject.kind=ModelDeployment,involvedObject.uid=u1 | true",
            "involvedObject.name=iris,involvedObject.uid=u2 | false",
            "involvedObject.name==iris | true",
            "type!=Normal | true",
            "type!=Warning | false",
            "involvedObject.kind=Pod | false"})
    void everyTermMustHold(String selector, boolean expected) throws Exception {
        JsonNode event = new ObjectMapper().readTree(EVENT);

        assertThat(FieldSelectors.matches(selector, event)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/namespaces/ml/events?fieldSelector=involvedObject.name%3Diris, true",
            "/api/v1/namespaces/ml/events?fieldSelector=metadata.name%3De1, false",
            "/api/v1/namespaces/ml/pods?fieldSelector=involvedObject.name%3Diris, false",
            "/api/v1/namespaces/ml/events, false"})
    void appliesOnlyToEventListsByInvolvedObject(String path, boolean expected) {
        assertThat(FieldSelectors.applies(ApiPath.parse(path))).isEqualTo(expected);
    }
}
