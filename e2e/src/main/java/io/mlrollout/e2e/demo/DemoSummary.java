package io.mlrollout.e2e.demo;

import io.mlrollout.e2e.observe.RolloutTimeline;
import io.mlrollout.e2e.traffic.TrafficRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The numbers the demo ends with: how fast the bad version lost its traffic, and what it cost users. */
record DemoSummary(Optional<Duration> firstRequestToWeightZero, long failedByBad, long servedByBad, long total, long failed,
                   long failedByGood) {

    static DemoSummary of(TrafficRecord traffic, RolloutTimeline timeline, String goodVersion, String badVersion) {
        Optional<Instant> first = traffic.firstRequestTo(badVersion);
        Optional<Instant> weightZero = timeline.firstSeen(s -> "RolledBack".equals(s.phase()) && s.canaryWeight() == 0);
        Optional<Duration> toZero = first.isPresent() && weightZero.isPresent()
                ? Optional.of(Duration.between(first.get(), weightZero.get())) : Optional.empty();
        return new DemoSummary(toZero, traffic.failedServedBy(badVersion), traffic.servedBy(badVersion), traffic.total(),
                traffic.failed(), traffic.failedServedBy(goodVersion));
    }

    void print(PrintStream out, String badVersion) {
        out.println();
        out.println("Summary");
        out.printf("  time from the bad canary's first request to weight 0:  %s%n",
                firstRequestToWeightZero.map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).orElse("(not measured)"));
        out.printf("  failed requests served by the bad canary (%s):      %d of the %d it served%n", badVersion, failedByBad, servedByBad);
        out.printf("  requests served in total:                               %d (%d failed, %d of them by the promoted version)%n",
                total, failed, failedByGood);
    }
}
