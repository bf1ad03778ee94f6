package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusQuery {

    @Required
    @Pattern("^https?://.+$")
    @Size(max = 2048)
    @JsonPropertyDescription("Base URL of the Prometheus HTTP API, e.g. http://prometheus.monitoring:9090.")
    private String address;

    @Required
    @Size(min = 1, max = 8192)
    @JsonPropertyDescription("An instant PromQL query returning one number. Templated: {{namespace}}, {{name}}, "
            + "{{canaryVersion}}, {{stableVersion}}, {{interval}}.")
    private String query;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
