package io.eventline.core.kafka;

import io.eventline.core.envelope.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Records as JSON through the one mapper ({@link Json}): for repartition topics and stores of records. */
public final class JsonSerde {
    private JsonSerde() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : Json.write(value),
                (topic, bytes) -> bytes == null ? null : read(topic, bytes, type));
    }

    private static <T> T read(String topic, byte[] bytes, Class<T> type) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new SerializationException("unreadable " + type.getSimpleName() + " on " + topic, e);
        }
    }
}
