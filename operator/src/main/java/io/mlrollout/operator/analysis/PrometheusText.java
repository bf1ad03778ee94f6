package io.mlrollout.operator.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the Prometheus text exposition format: one sample per line, comments skipped. */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    /** The samples whose metric name starts with one of {@code prefixes}; malformed lines are skipped. */
    public static List<Sample> parse(String text, String... prefixes) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (startsWithAny(line, prefixes)) {
                Sample sample = parseLine(line.strip());
                if (sample != null) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    private static boolean startsWithAny(String line, String[] prefixes) {
        for (String prefix : prefixes) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        Map<String, String> labels = new HashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = readLabels(line, brace + 1, labels);
            if (rest < 0) {
                return null;
            }
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] tail = line.substring(rest).strip().split("\\s+");
        try {
            return new Sample(name, labels, Double.parseDouble(tail[0].replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace, or -1. */
    private static int readLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                return -1;
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < line.length() && line.charAt(j) != '"'; j++) {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(v);
                }
            }
            labels.put(line.substring(i, eq).strip(), value.toString());
            i = j + 1;
        }
        return -1;
    }
}
