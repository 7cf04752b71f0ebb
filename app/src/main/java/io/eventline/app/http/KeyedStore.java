package io.eventline.app.http;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where a keyed GET reads: a store and the streams that hold it, both asked on every request, since
 * a read model's rebuild swaps its streams (and store) for new ones.
 */
public record KeyedStore(Supplier<KafkaStreams> streams, Supplier<String> store) {
    public KeyedStore {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(store, "store");
    }

    public static KeyedStore of(KafkaStreams streams, String store) {
        return new KeyedStore(() -> streams, () -> store);
    }
}
