package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServingSpec {

    @JsonPropertyDescription("Model-server image. Default: the operator's configured image.")
    private String image;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Container port of the model server. Default 8080.")
    private Integer port;

    @JsonPropertyDescription("CPU and memory for each model-server container. Default: the operator's configured resources.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Dynamic batching: requests arriving together are predicted in one engine call. Default off.")
    private BatchingSpec batching;

    @JsonPropertyDescription("Bearer-token authentication for the model's inference and metadata endpoints: the token "
            + "is read from this Secret key; clients send 'Authorization: Bearer <token>'. Health and metrics stay open. "
            + "Default off.")
    private SecretKeySelector authToken;

    @JsonPropertyDescription("Serve HTTPS instead of HTTP on the model-server port. Default off.")
    private TlsSpec tls;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public BatchingSpec getBatching() {
        return batching;
    }

    public void setBatching(BatchingSpec batching) {
        this.batching = batching;
    }

    public SecretKeySelector getAuthToken() {
        return authToken;
    }

    public void setAuthToken(SecretKeySelector authToken) {
        this.authToken = authToken;
    }

    public TlsSpec getTls() {
        return tls;
    }

    public void setTls(TlsSpec tls) {
        this.tls = tls;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}
