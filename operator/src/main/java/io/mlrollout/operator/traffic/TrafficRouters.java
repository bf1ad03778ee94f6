package io.mlrollout.operator.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.RouterType;
import io.mlrollout.operator.resources.ResourceApplier;
import java.util.EnumMap;
import java.util.Map;

/** The routers by type; an unknown router name is an invalid spec, never a silent default. */
public final class TrafficRouters {

    private final Map<RouterType, TrafficRouter> routers = new EnumMap<>(RouterType.class);

    public TrafficRouters(KubernetesClient client, ResourceApplier applier) {
        routers.put(RouterType.SERVICE, new ServiceRouter(client, applier));
        routers.put(RouterType.GATEWAY_API, new GatewayApiRouter(client, applier));
    }

    public TrafficRouter forType(RouterType type) {
        return routers.get(type);
    }
}
