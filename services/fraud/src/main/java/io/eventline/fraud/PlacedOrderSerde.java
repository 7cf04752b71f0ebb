package io.eventline.fraud;

import io.eventline.contracts.Money;
import io.eventline.core.kafka.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * {@link PlacedOrder} on fraud's repartition topic and in its window store, in binary: a marker byte,
 * the time and the amount in minor units (two longs), then the currency's code. Fraud reads every order
 * of a customer's window at each of that customer's orders, and reading them as JSON was most of its
 * time. JSON written by an earlier version (it begins with '{') is still read, so a data dir or a
 * repartition topic holding it needs no migration. Internal data only: the event topics stay JSON.
 */
final class PlacedOrderSerde {
    private static final byte BINARY = 1;
    private static final int FIXED_BYTES = 1 + Long.BYTES + Long.BYTES;
    private static final Deserializer<PlacedOrder> JSON = JsonSerde.of(PlacedOrder.class).deserializer();

    private PlacedOrderSerde() {
    }

    static Serde<PlacedOrder> serde() {
        return Serdes.serdeFrom(PlacedOrderSerde::write, PlacedOrderSerde::read);
    }

    static byte[] write(String topic, PlacedOrder order) {
        if (order == null) {
            return null;
        }
        byte[] currency = order.currency().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED_BYTES + currency.length).put(BINARY).putLong(order.placedAt())
                .putLong(order.total().minorUnits()).put(currency).array();
    }

    static PlacedOrder read(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0 || bytes[0] != BINARY) {
            return JSON.deserialize(topic, bytes);
        }
        if (bytes.length < FIXED_BYTES) {
            throw new SerializationException("a placed order of " + bytes.length + " bytes on " + topic
                    + ": at least " + FIXED_BYTES + " expected");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, FIXED_BYTES - 1);
        long placedAt = buffer.getLong();
        long minorUnits = buffer.getLong();
        String currency = new String(bytes, FIXED_BYTES, bytes.length - FIXED_BYTES, StandardCharsets.UTF_8);
        return new PlacedOrder(currency, new Money(minorUnits), placedAt);
    }
}
