package io.eventline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every setting a run measured with, in the order they were chosen, for the header and the JSON. */
final class Settings {
    private final Map<String, String> values = new LinkedHashMap<>();

    synchronized Settings put(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    synchronized Map<String, String> values() {
        return Map.copyOf(values);
    }

    synchronized Map<String, String> ordered() {
        return new LinkedHashMap<>(values);
    }
}
