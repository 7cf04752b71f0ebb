package io.eventline.core.decider;

import io.eventline.core.reaction.Lookups;
import java.util.Optional;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** {@link Lookups} over a processor's stores, plain or timestamped (a KTable's or GlobalKTable's). */
public final class StoreLookups {
    private StoreLookups() {
    }

    public static Lookups of(ProcessorContext<?, ?> context) {
        return (storeName, key) -> {
            StateStore store = context.getStateStore(storeName);
            if (store instanceof TimestampedKeyValueStore<?, ?> table) {
                @SuppressWarnings("unchecked")
                ValueAndTimestamp<byte[]> found = ((TimestampedKeyValueStore<String, byte[]>) table).get(key);
                return Optional.ofNullable(found).map(ValueAndTimestamp::value);
            }
            @SuppressWarnings("unchecked")
            KeyValueStore<String, byte[]> plain = (KeyValueStore<String, byte[]>) store;
            return Optional.ofNullable(plain.get(key));
        };
    }
}
