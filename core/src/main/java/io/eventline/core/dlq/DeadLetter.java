package io.eventline.core.dlq;

/**
 * A record on its way to a dead-letter topic: the original value bytes and the topic. The key and the
 * headers (the original's plus {@link DeadLetterHeaders}) ride on the Kafka Streams record.
 *
 * @param queue the dead-letter topic, e.g. {@code orders.dlq}
 * @param value the original value, byte for byte; null when the original had none
 */
public record DeadLetter(String queue, byte[] value) {
}
