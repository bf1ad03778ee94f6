package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelSpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern("^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$")
    @JsonPropertyDescription("Model name, served as /v2/models/<name>.")
    private String name;

    @Required
    @Size(min = 1, max = 63)
    @Pattern("^[A-Za-z0-9]([-A-Za-z0-9_.+]*[A-Za-z0-9])?$")
    @JsonPropertyDescription("Model version, e.g. 2.1.0. Names the version's Deployment and Service.")
    private String version;

    @Required
    @Size(min = 1, max = 2048)
    @Pattern("^(file://|https?://|classpath:).+$")
    @JsonPropertyDescription("Where the model file is: file://, http://, https:// or classpath: (bundled sample models).")
    private String uri;

    @Pattern("^[a-f0-9]{64}$")
    @JsonPropertyDescription("Optional SHA-256 of the model file, lowercase hex. A mismatch fails the version before any traffic.")
    private String sha256;

    @JsonPropertyDescription("DJL engine that runs the model. Default OnnxRuntime.")
    @SchemaFrom(type = ModelEngine.class)
    private String engine;

    @JsonPropertyDescription("Provenance kept in the rollout history: training data, hyperparameters, offline metrics.")
    private ModelProvenance metadata;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public ModelProvenance getMetadata() {
        return metadata;
    }

    public void setMetadata(ModelProvenance metadata) {
        this.metadata = metadata;
    }
}
