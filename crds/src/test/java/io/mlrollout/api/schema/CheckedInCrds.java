package io.mlrollout.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CRD files users apply ({@code crds/*.yaml}): the CRD generator's output, with the printer
 * columns put back in the order the annotations declare them (the generator sorts them by JSON
 * path, which would show AGE before MODEL in {@code kubectl get}).
 */
public final class CheckedInCrds {

    public static final List<Class<? extends HasMetadata>> RESOURCES = List.of(ModelDeployment.class, RolloutPolicy.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CheckedInCrds() {
    }

    /** {@code crds/<plural>.<group>.yaml}, relative to the crds module. */
    public static Path checkedIn(Class<? extends HasMetadata> type) {
        return Path.of(HasMetadata.getFullResourceName(type) + ".yaml");
    }

    private static Path generated(Class<? extends HasMetadata> type) {
        return Path.of("target", "classes", "META-INF", "fabric8", HasMetadata.getFullResourceName(type) + "-v1.yml");
    }

    /** What {@link #checkedIn} must contain, given the build's generated CRD. */
    public static String expected(Class<? extends HasMetadata> type) throws IOException {
        JsonNode crd = YAML.readTree(Files.readString(generated(type)));
        List<String> declared = Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name).toList();
        for (JsonNode version : crd.path("spec").path("versions")) {
            ArrayNode columns = (ArrayNode) version.path("additionalPrinterColumns");
            List<JsonNode> sorted = new java.util.ArrayList<>();
            columns.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparingInt(c -> declared.indexOf(c.path("name").asText())));
            ((ObjectNode) version).putArray("additionalPrinterColumns").addAll(sorted);
        }
        return "# Generated from the Java types in crds/src/main/java by the build; do not edit.\n"
                + "# Update with: ./mvnw -pl crds verify -Dcrds.update=true\n"
                + YAML.writeValueAsString(crd);
    }
}
