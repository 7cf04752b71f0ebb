package io.eventline.core.reaction;

import java.util.Optional;

/**
 * Read access, for a reaction, to state stores of its own service: typically a local copy of another
 * service's compacted topic (a {@code GlobalKTable}), so that the reaction never asks that service.
 */
@FunctionalInterface
public interface Lookups {
    /** The value stored under {@code key} in the store named {@code store}; empty when absent. */
    Optional<byte[]> get(String store, String key);
}
