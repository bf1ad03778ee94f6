package io.mlrollout.operator.metrics;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.MetricProviderType;
import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.operator.analysis.AnalysisVerdicts;
import io.mlrollout.operator.analysis.MetricJudge;
import io.mlrollout.operator.analysis.MetricValues;
import io.mlrollout.operator.analysis.StableFallback;
import io.mlrollout.operator.analysis.StableSample;
import io.mlrollout.operator.rollout.AnalysisOutcome;
import io.mlrollout.operator.rollout.PolicyResolver;
import io.mlrollout.operator.rollout.ResolvedPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** One analysis run: measure each metric with its provider, judge it, and sum up the verdict. */
public final class AnalysisRunner {

    private static final Logger LOG = Logger.getLogger(AnalysisRunner.class);

    private final Map<MetricProviderType, MetricProvider> providers = new EnumMap<>(MetricProviderType.class);
    /** Canaries whose window this process started for want of baselines; reconciles of different resources run at once. */
    private final Set<String> windowsStarted = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 4096;
                }
            }));

    public AnalysisRunner(ModelServerMetricProvider modelServer, PrometheusMetricProvider prometheus) {
        providers.put(MetricProviderType.MODEL_SERVER, modelServer);
        providers.put(MetricProviderType.PROMETHEUS, prometheus);
    }

    /**
     * @param previous the last analysis of this rollout, or null: its stable values stand in for a
     *     stable version that has no traffic now (the canary at 100%), so relative limits still apply
     */
    public AnalysisOutcome run(ResolvedPolicy policy, AnalysisTarget target, AnalysisStatus previous, Instant now) {
        Map<MetricProviderType, List<MetricSpec>> byProvider = new LinkedHashMap<>();
        for (MetricSpec metric : policy.metrics()) {
            byProvider.computeIfAbsent(PolicyResolver.providerOf(metric), p -> new ArrayList<>()).add(metric);
        }
        // A new operator process holds no baselines: its first look starts the window instead of
        // counting an inconclusive check, so restarts (even a crash loop) never wear a canary down.
        // Once per canary per process, so that a canary whose pods never keep a baseline is still judged.
        boolean baselines = byProvider.keySet().stream().allMatch(type -> providers.get(type).hasBaseline(target));
        if (!baselines && windowsStarted.add(target.namespace() + "/" + target.name() + "/" + target.canaryVersion())) {
            return AnalysisOutcome.windowNotStarted();
        }
        Map<String, MetricValues> values = new LinkedHashMap<>();
        byProvider.forEach((type, metrics) -> values.putAll(measure(type, metrics, target)));
        List<MetricResult> results = new ArrayList<>();
        for (MetricSpec metric : policy.metrics()) {
            MetricValues measured = values.getOrDefault(metric.getName(), MetricValues.failed("not measured"));
            MetricValues comparable = StableSample.usable(metric, measured, policy.minSampleSize());
            results.add(MetricJudge.judge(metric, StableFallback.apply(comparable, metric.getName(), previous), policy.minSampleSize()));
        }
        AnalysisStatus status = new AnalysisStatus();
        status.setTime(now.toString());
        status.setVerdict(AnalysisVerdicts.overall(results));
        status.setMetrics(results);
        return new AnalysisOutcome(status.getVerdict(), status);
    }

    /** The analysis of {@code target} is recorded in the status: its readings become the next baselines. */
    public void commit(AnalysisTarget target) {
        providers.values().forEach(provider -> provider.commit(target));
    }

    /** An analysis window of {@code target} starts now. */
    public void baseline(AnalysisTarget target) {
        providers.values().forEach(provider -> {
            try {
                provider.baseline(target);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not take the analysis baseline of %s/%s", target.namespace(), target.name());
            }
        });
    }

    // A provider bug must not take the operator down: it makes the run inconclusive instead.
    private Map<String, MetricValues> measure(MetricProviderType type, List<MetricSpec> metrics, AnalysisTarget target) {
        try {
            return providers.get(type).measure(metrics, target);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Metric provider %s failed for %s/%s", type.specName(), target.namespace(), target.name());
            Map<String, MetricValues> failed = new LinkedHashMap<>();
            metrics.forEach(m -> failed.put(m.getName(), MetricValues.failed(type.specName() + " provider failed: " + e)));
            return failed;
        }
    }
}
