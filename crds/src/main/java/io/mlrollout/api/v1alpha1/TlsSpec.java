package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** HTTPS on the model-server port, with a certificate from a Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsSpec {

    @Required
    @JsonPropertyDescription("A kubernetes.io/tls Secret in the same namespace (keys tls.crt and tls.key, PEM).")
    private String secretName;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }
}
