package io.mlrollout.e2e.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 7386, appendix A, among others. */
class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"b\"}                    | {\"a\":\"c\"}             | {\"a\":\"c\"}",
            "{\"a\":\"b\"}                    | {\"b\":\"c\"}             | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}                    | {\"a\":null}              | {}",
            "{\"a\":[{\"b\":\"c\"}]}          | {\"a\":[1]}               | {\"a\":[1]}",
            "{\"a\":{\"b\":\"c\"}}            | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{}                               | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}",
            "{\"spec\":{\"model\":{\"version\":\"1\",\"uri\":\"u\"}}} | {\"spec\":{\"model\":{\"version\":\"2\"}}} | {\"spec\":{\"model\":{\"version\":\"2\",\"uri\":\"u\"}}}"})
    void mergesAsTheRfcSays(String target, String patch, String expected) throws Exception {
        assertThat(JsonMergePatch.apply(JSON.readTree(target), JSON.readTree(patch))).isEqualTo(JSON.readTree(expected));
    }
}
