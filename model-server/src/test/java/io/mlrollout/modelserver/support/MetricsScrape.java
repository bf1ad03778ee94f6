package io.mlrollout.modelserver.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One read of /q/metrics, with lookups by metric name and exact label values. */
public record MetricsScrape(List<String> lines) {

    public static MetricsScrape now() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return new MetricsScrape(text.lines().filter(line -> !line.startsWith("#")).toList());
    }

    /** The sample of {@code name} whose labels include all of {@code labels}; 0 when absent. */
    public double value(String name, Map<String, String> labels) {
        return series(name, labels).stream().mapToDouble(MetricsScrape::sampleValue).sum();
    }

    /** Every sample line of {@code name} carrying all of {@code labels}. */
    public List<String> series(String name, Map<String, String> labels) {
        return lines.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream().allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\"")))
                .collect(Collectors.toList());
    }

    /** All sample lines of metrics whose name starts with {@code prefix}. */
    public List<String> withPrefix(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    private static double sampleValue(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
