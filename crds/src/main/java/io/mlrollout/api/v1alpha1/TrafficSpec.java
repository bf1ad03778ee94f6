package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.router) || self.router != 'gateway-api' || (has(self.parentRefs) && size(self.parentRefs) > 0)",
        message = "traffic.router gateway-api needs traffic.parentRefs: the Gateway(s) the HTTPRoute attaches to")
public class TrafficSpec {

    @JsonPropertyDescription("service (default, needs nothing installed: weight by replica ratio) "
            + "or gateway-api (weights on an HTTPRoute).")
    @SchemaFrom(type = RouterType.class)
    private String router;

    @JsonPropertyDescription("Gateways the HTTPRoute attaches to (router gateway-api only).")
    private List<GatewayParentRef> parentRefs;

    public String getRouter() {
        return router;
    }

    public void setRouter(String router) {
        this.router = router;
    }

    public List<GatewayParentRef> getParentRefs() {
        return parentRefs;
    }

    public void setParentRefs(List<GatewayParentRef> parentRefs) {
        this.parentRefs = parentRefs;
    }
}
