package io.eventline.core.retry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An effect waiting for its next attempt, kept in a store (with its changelog) so that a crash
 * neither loses nor repeats it: {@code attempts} so far, when the next is due, the effect's payload,
 * the event's original bytes (for the dead letter), and where it was read.
 */
record PendingEffect(JsonNode payload, int attempts, long dueAt, String lastError, byte[] original, String topic,
                     int partition, long offset) {
}
