package io.mlrollout.api.v1alpha1;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose values are written in the spec by name. Such fields are strings in the Java types
 * (the schema still lists the allowed names), so that a resource with an unknown name still reads
 * and the operator can report it as invalid instead of failing to deserialize it.
 */
public interface SpecName {

    String specName();

    static <E extends Enum<E> & SpecName> Optional<E> lookup(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.specName().equals(name)).findFirst();
    }

    static <E extends Enum<E> & SpecName> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SpecName::specName).collect(Collectors.joining(", "));
    }
}
