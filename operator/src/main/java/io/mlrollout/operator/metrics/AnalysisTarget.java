package io.mlrollout.operator.metrics;

import java.time.Duration;
import java.util.List;

/** What one analysis run measures: which ModelDeployment, which versions, which pods, over how long. */
public record AnalysisTarget(String namespace, String name, String modelName, String canaryVersion, String stableVersion,
                             List<PodEndpoint> canaryPods, List<PodEndpoint> stablePods, Duration interval) {
}
