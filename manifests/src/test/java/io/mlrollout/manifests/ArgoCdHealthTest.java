package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlrollout.api.schema.CrdSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * manifests/argocd/health.lua, run by a real Lua 5.1 interpreter (what Argo CD's gopher-lua implements)
 * against a ModelDeployment in each state, with {@code obj} bound as Argo CD binds it.
 */
class ArgoCdHealthTest {

    private static final Path OBJECTS = Path.of("src", "test", "resources", "health");
    private static final Path HEALTH_LUA = Repo.ARGOCD.resolve("health.lua");

    private static CrdSchemaValidator schema;
    private static JsonNode statusSchema;

    @TempDir
    static Path work;

    @BeforeAll
    static void loadCrd() throws IOException {
        Path crd = Repo.crdFile("modeldeployments.mlrollout.io.yaml");
        schema = CrdSchemaValidator.forCrd(crd);
        statusSchema = Yaml.readOne(crd).at("/spec/versions/0/schema/openAPIV3Schema/properties/status");
    }

    record Health(String status, String message) {
    }

    static Health run(JsonNode object) throws IOException {
        Path driver = work.resolve("driver.lua");
        Files.writeString(driver, "obj = " + LuaTable.of(object) + "\n"
                + "local hs = dofile(arg[1])\n"
                + "io.write(tostring(hs.status), '\\n', tostring(hs.message))\n");
        Tools.Result result = Tools.run(work, List.of(Tools.lua().toString(), driver.toString(), HEALTH_LUA.toString()));
        assertThat(result.exitCode()).as("lua5.1 failed:\n%s", result.stderr()).isZero();
        String[] lines = result.stdout().split("\n", 2);
        return new Health(lines[0], lines.length > 1 ? lines[1] : "");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no-status              | Progressing | Waiting for the operator to report status
            status-behind-spec     | Progressing | Waiting for the operator to observe generation 5 (status describes generation 4)
            no-observed-generation | Progressing | Waiting for the operator to observe generation 1 (status describes generation none)
            no-phase               | Progressing | Waiting for the operator to set a phase
            stable                 | Healthy     | Version 2.0.0 serves all traffic
            stable-not-ready       | Progressing | Version 2.0.0 is not Ready: 0 of 2 pods of iris-2-0-0 are Ready
            initializing           | Progressing | Initializing: starting version 2.0.0
            validating             | Progressing | Validating: canary 2.0.0 at 0% of traffic. Starting canary 2.0.0 beside stable 1.0.0
            progressing            | Progressing | Progressing: canary 2.0.0 at 25% of traffic, step 2 of 6. Step 2/6: holding 25% for 1m
            promoting              | Progressing | Promoting: canary 2.0.0 at 100% of traffic. Promoting canary 2.0.0: all 6 steps passed
            paused                 | Suspended   | Paused: canary 2.0.0 at 50% of traffic. Paused at step 6: waiting for the mlrollout.io/promote annotation
            rolled-back            | Degraded    | Rolled back version 2.0.0: error-rate 0.08 above max 0.01 in 2 checks in a row. Version 1.0.0 serves all traffic; change spec.model in Git, or set the mlrollout.io/retry annotation to try 2.0.0 again
            rolled-back-by-abort   | Degraded    | Aborted version 2.0.0: aborted by the mlrollout.io/abort annotation. Version 1.0.0 serves all traffic; change spec.model in Git, or set the mlrollout.io/retry annotation to try 2.0.0 again
            rolled-back-bare       | Degraded    | Version 2.0.0 was rolled back. Version 1.0.0 serves all traffic; change spec.model in Git, or set the mlrollout.io/retry annotation to try 2.0.0 again
            failed                 | Degraded    | Version 2.0.0 cannot serve: CrashLoopBackOff, 4 restarts (pod iris-2-0-0-7d9f8-x2x9q)
            invalid-spec           | Degraded    | Invalid spec: spec.rolloutPolicyRef.name: RolloutPolicy standard-canary not found in namespace ml
            policy-unavailable     | Degraded    | Holding canary 2.0.0 at 50% without analysis: spec.rolloutPolicyRef.name: RolloutPolicy 'standard-canary' not found in namespace 'ml'; rolled back at 2026-11-30T10:05:00Z unless the policy returns
            unknown-phase          | Unknown     | Unknown phase Hibernating
            """)
    void healthOf(String state, String status, String message) throws IOException {
        JsonNode object = Yaml.readOne(OBJECTS.resolve(state + ".yaml"));
        assertThat(schema.validate(object)).as("spec of %s", state).isEmpty();
        if (!state.equals("unknown-phase")) {
            List<String> problems = new ArrayList<>();
            checkStatus(statusSchema, object.path("status"), "status", problems);
            assertThat(problems).as("status of %s must match the CRD's status schema", state).isEmpty();
        }
        assertThat(run(object)).isEqualTo(new Health(status, message));
    }

    @Test
    void everyHealthObjectIsTested() throws IOException {
        try (var files = Files.list(OBJECTS)) {
            assertThat(files.count()).isEqualTo(18);
        }
    }

    @Test
    void stringsReachLuaUnchanged() throws IOException {
        JsonNode object = Yaml.readOne(OBJECTS.resolve("failed.yaml")).deepCopy();
        String tricky = "quote \" backslash \\ newline\n tab\t unicode \u00e9\u2713 brackets ]] [[";
        ((com.fasterxml.jackson.databind.node.ObjectNode) object.at("/status/conditions/1")).put("message", tricky);
        assertThat(run(object)).isEqualTo(new Health("Degraded", tricky));
    }

    /** Every field of a status object is declared by the CRD, and every enum value is allowed. */
    private static void checkStatus(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value.asText())) {
                problems.add(path + ": " + value + " is not one of " + allowed);
            }
        }
        if (value.isObject() && schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = schema.path("properties").path(field.getKey());
                if (fieldSchema.isMissingNode()) {
                    problems.add(path + "." + field.getKey() + " is not in the CRD");
                } else {
                    checkStatus(fieldSchema, field.getValue(), path + "." + field.getKey(), problems);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkStatus(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
