package io.eventline.core.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code data} of one version of a message type into the next version's. Upcasters run in
 * a chain on read, so a consumer only ever sees the current version; the log is never rewritten.
 * Must be pure: it may modify and return the node it is given.
 */
@FunctionalInterface
public interface Upcaster {
    ObjectNode upcast(ObjectNode data);
}
