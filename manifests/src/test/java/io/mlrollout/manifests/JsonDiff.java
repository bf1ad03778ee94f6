package io.mlrollout.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/** The first place two JSON trees differ, comparing numbers by value (kustomize writes 100.0 as 100). */
final class JsonDiff {

    private JsonDiff() {
    }

    static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
        return difference("", expected, actual);
    }

    private static Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : Optional.of(path + ": expected " + expected + " but was " + actual);
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return Optional.of(path + ": expected " + expected.getNodeType() + " but was " + actual.getNodeType());
        }
        if (expected.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name) || !actual.has(name)) {
                    return Optional.of(path + "/" + name + (expected.has(name) ? " is missing" : " is unexpected"));
                }
                Optional<String> inner = difference(path + "/" + name, expected.get(name), actual.get(name));
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return Optional.of(path + ": expected " + expected.size() + " items but was " + actual.size());
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                Optional<String> inner = difference(path + "/" + i, e.next(), a.next());
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : Optional.of(path + ": expected " + expected + " but was " + actual);
    }
}
