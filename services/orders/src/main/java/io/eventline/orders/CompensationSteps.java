package io.eventline.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.query.StoreReads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A read model of what was undone for each order: the compensation steps ({@code payment.refund},
 * {@code stock.release}, {@code shipment.cancel}) as the other services' events announce them, keyed
 * by order id. Built the same way whether the saga is choreographed or orchestrated, since in both the
 * services announce what they did on their own topics.
 */
final class CompensationSteps {
    static final String STORE = "orders-compensations";
    private static final Map<String, String> STEPS = Map.of(
            "payment.refunded", "payment.refund",
            "stock.released", "stock.release",
            "shipment.cancelled", "shipment.cancel");

    private CompensationSteps() {
    }

    /**
     * @param sources the accounts, inventory and shipments event streams the service already reads, by
     *     a name for their nodes; iterated in order, so pass an ordered map (node names must be stable)
     */
    static void addTo(Map<String, KStream<String, byte[]>> sources) {
        KStream<String, byte[]> steps = null;
        for (Map.Entry<String, KStream<String, byte[]>> source : sources.entrySet()) {
            String name = "orders-compensations-from-" + source.getKey();
            KStream<String, byte[]> extracted = source.getValue().flatMap((key, value) -> step(value), Named.as(name));
            steps = steps == null ? extracted : steps.merge(extracted, Named.as(name + "-merge"));
        }
        steps.groupByKey(Grouped.with("orders-compensations-by-order", Serdes.String(), Serdes.ByteArray()))
                .aggregate(() -> Json.write(Json.mapper().createArrayNode()), (orderId, step, log) -> append(log, step),
                        Named.as("orders-compensations-log"),
                        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
    }

    private static List<KeyValue<String, byte[]>> step(byte[] value) {
        try {
            EventEnvelope event = EnvelopeCodec.fromBytes(value);
            String step = STEPS.get(event.eventType());
            JsonNode orderId = event.data().get("orderId");
            if (step == null || orderId == null || !orderId.isTextual()) {
                return List.of();
            }
            OrderView.Step done = new OrderView.Step(step, "DONE", Timestamps.format(event.timestamp()));
            return List.of(KeyValue.pair(orderId.textValue(), Json.write(done)));
        } catch (MalformedEnvelopeException e) {
            return List.of(); // not for this read model to judge; the owner's consumers dead-letter it
        }
    }

    /** One entry per compensation: the first time it is done (a release per sku counts once). */
    private static byte[] append(byte[] log, byte[] step) {
        try {
            ArrayNode steps = (ArrayNode) Json.readTree(log);
            JsonNode next = Json.readTree(step);
            for (JsonNode existing : steps) {
                if (existing.get("step").equals(next.get("step"))) {
                    return log;
                }
            }
            steps.add(next);
            return Json.write(steps);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable compensation log", e);
        }
    }

    static List<OrderView.Step> of(StoreProvider stores, String orderId) {
        byte[] log = StoreReads.read("orders", () -> stores.store(STORE).get(orderId));
        List<OrderView.Step> steps = new ArrayList<>();
        if (log != null) {
            try {
                Json.readTree(log).forEach(node -> steps.add(Json.treeToValue(node, OrderView.Step.class)));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable compensation log of " + orderId, e);
            }
        }
        return steps;
    }
}
