package io.mlrollout.router.routing;

import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.VersionNames;
import java.util.ArrayList;
import java.util.List;

/** Models and pods for routing tests. */
public final class Tables {

    public static final ModelRef STABLE = new ModelRef("1.0.0", "classpath:models/iris-v1/model.onnx", null);
    public static final ModelRef CANARY = new ModelRef("2.0.0", "classpath:models/iris-v2/model.onnx", null);

    private Tables() {
    }

    /** {@code count} Ready pods of the model, at 10.0.{n}.x:8080. */
    public static List<ReadyPod> pods(ModelRef model, int count) {
        List<ReadyPod> pods = new ArrayList<>();
        int subnet = model.equals(STABLE) ? 1 : 2;
        for (int i = 0; i < count; i++) {
            pods.add(new ReadyPod(VersionNames.slug(model), new Endpoint("10.0." + subnet + "." + (i + 1), 8080)));
        }
        return pods;
    }

    public static RoutingTable table(int stablePods, int canaryPods, int weight) {
        List<ReadyPod> pods = new ArrayList<>(pods(STABLE, stablePods));
        pods.addAll(pods(CANARY, canaryPods));
        return RoutingTables.compute(new TrafficIntent(STABLE, CANARY, weight), pods);
    }
}
