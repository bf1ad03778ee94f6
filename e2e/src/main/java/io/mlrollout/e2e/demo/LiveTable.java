package io.mlrollout.e2e.demo;

import io.mlrollout.e2e.observe.RolloutState;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Prints each new state of the ModelDeployment as a row, like {@code kubectl get mdep -w}, with
 * the status message, and each new analysis verdict under it.
 */
final class LiveTable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String FORMAT = "%-8s  %-5s %-6s %-8s %-8s %-6s %-11s %s%n";

    private final PrintStream out;
    private final String name;
    private final String model;
    private String lastAnalysisTime;
    private String lastRow;

    LiveTable(PrintStream out, String name, String model) {
        this.out = out;
        this.name = name;
        this.model = model;
    }

    void header() {
        out.printf(FORMAT, "TIME", "NAME", "MODEL", "STABLE", "CANARY", "WEIGHT", "PHASE", "MESSAGE");
    }

    synchronized void print(RolloutState state) {
        String row = String.format(FORMAT, "", name, model, dash(state.stableVersion()), dash(state.canaryVersion()),
                state.canaryVersion() == null ? "" : state.canaryWeight() + "%", state.phase(), state.message() == null ? "" : state.message());
        if (!row.equals(lastRow)) {
            lastRow = row;
            out.print(time(state) + row.substring(8));
        }
        if (!Objects.equals(state.analysisTime(), lastAnalysisTime) && state.analysis() != null) {
            lastAnalysisTime = state.analysisTime();
            out.printf("%-8s    analysis: %s%n", time(state), state.analysis());
        }
    }

    synchronized void note(String text) {
        out.printf("%-8s  >>> %s%n", LocalTime.now().format(CLOCK), text);
    }

    private static String time(RolloutState state) {
        return state.seenAt().atZone(ZoneId.systemDefault()).toLocalTime().format(CLOCK);
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
