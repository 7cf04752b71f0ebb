package io.eventline.core.envelope;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a {@link Catalogue}: the wire name of a message type, its current version, the record
 * that holds it, and the upcasters from every older version ({@code upcasters.get(0)} turns version 1
 * into version 2, and so on).
 */
public record MessageType<T>(String name, int currentVersion, Class<? extends T> javaType, List<Upcaster> upcasters) {
    public MessageType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        upcasters = List.copyOf(upcasters);
        if (currentVersion != upcasters.size() + 1) {
            throw new IllegalArgumentException(name + ": version " + currentVersion + " needs "
                    + (currentVersion - 1) + " upcasters, has " + upcasters.size());
        }
    }
}
