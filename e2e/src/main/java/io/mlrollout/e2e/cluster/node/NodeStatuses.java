package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The status the emulated node reports: Ready, reachable on loopback, with this machine's size. */
final class NodeStatuses {

    private NodeStatuses() {
    }

    static NodeStatus ready(Instant heartbeat, Instant since) {
        Map<String, Quantity> capacity = Map.of("cpu", new Quantity("2"), "memory", new Quantity("24Gi"), "pods", new Quantity("250"));
        return new NodeStatusBuilder()
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withMessage("the node emulator runs pods as local processes").withLastHeartbeatTime(seconds(heartbeat))
                .withLastTransitionTime(seconds(since)).endCondition()
                .addNewAddress().withType("InternalIP").withAddress("127.0.0.1").endAddress()
                .addNewAddress().withType("Hostname").withAddress("localhost").endAddress()
                .withCapacity(capacity).withAllocatable(capacity)
                .withNewNodeInfo().withArchitecture("amd64").withOperatingSystem("linux")
                .withContainerRuntimeVersion("mlrollout-node-emulator://1").withKubeletVersion("v0.0.0-emulated")
                .withKubeProxyVersion("").withBootID("").withMachineID("").withSystemUUID("").withKernelVersion("")
                .withOsImage("").endNodeInfo()
                .build();
    }

    private static String seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
