package io.eventline.core.dlq;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The dead-letter end of a topology: a sink named {@code <name>-dlq} that writes each
 * {@link DeadLetter}'s original bytes to its topic, which the processor chose at run time from the
 * application's configuration (a topology is built before it knows its application).
 *
 * {@snippet :
 * KStream<String, byte[]> commands = DeadLetterSink.route(
 *         source.process(() -> new MyProcessor(), Named.as(name + "-react")), name);
 * }
 */
public final class DeadLetterSink {
    private static final Serde<DeadLetter> ORIGINAL_BYTES = Serdes.serdeFrom(
            (topic, letter) -> letter == null ? null : letter.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("dead letters are written, never read, here");
            });

    private DeadLetterSink() {
    }

    /** Writes the dead letters; nodes {@code <name>-dlq}. */
    public static void sink(KStream<String, DeadLetter> letters, String name) {
        letters.to((key, letter, context) -> letter.queue(),
                Produced.with(Serdes.String(), ORIGINAL_BYTES).withName(name + "-dlq"));
    }

    /**
     * Sends dead letters to the sink and returns the processed values for the rest of the topology;
     * nodes {@code <name>-dead-letters}, {@code <name>-dlq} and {@code <name>-processed}.
     */
    public static <V> KStream<String, V> route(KStream<String, Outcome<V>> outcomes, String name) {
        sink(outcomes.flatMapValues(outcome -> switch (outcome) {
            case Outcome.Dead<V> dead -> List.of(dead.letter());
            case Outcome.Processed<V> processed -> List.<DeadLetter>of();
        }, Named.as(name + "-dead-letters")), name);
        return outcomes.flatMapValues(outcome -> switch (outcome) {
            case Outcome.Dead<V> dead -> List.<V>of();
            case Outcome.Processed<V> processed -> List.of(processed.value());
        }, Named.as(name + "-processed"));
    }
}
