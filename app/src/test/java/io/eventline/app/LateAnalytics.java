package io.eventline.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.analytics.SalesAnalytics;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * A sales analytics instance started after the fact, as a new application: it must bootstrap from
 * offset 0 and reach the figures of the one that ran from the start.
 */
final class LateAnalytics implements AutoCloseable {
    private final KafkaStreams streams;

    LateAnalytics(String bootstrapServers, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        SalesAnalytics.addTo(new Sources(builder));
        var props = StreamsSettings.exactlyOnce("eventline-analytics-late",
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), stateDir);
        streams = new KafkaStreams(builder.build(props), props);
        streams.start();
    }

    /**
     * Figures by {@code sku@windowStart}, as JSON text {units, revenue, orders} (text, because a tree
     * read from the API holds ints where one built from a record holds longs); empty until running.
     */
    Map<String, String> figures(Instant from, Instant to) {
        Map<String, String> figures = new TreeMap<>();
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return figures;
        }
        ReadOnlyWindowStore<String, Object> store = streams.store(StoreQueryParameters.fromNameAndType(
                SalesAnalytics.STORE, QueryableStoreTypes.windowStore()));
        try (var all = store.fetchAll(from, to)) {
            all.forEachRemaining(entry -> figures.put(entry.key.key() + "@" + entry.key.window().startTime(),
                    Json.mapper().valueToTree(entry.value).toString()));
        }
        return figures;
    }

    /** The live instance's figures from the API, in the same shape. */
    static Map<String, String> live(TestApi api, Instant from, Instant to) {
        Map<String, String> figures = new TreeMap<>();
        api.json("/api/analytics/sales?from=" + from + "&to=" + to).forEach(row -> {
            ObjectNode shape = Json.mapper().createObjectNode();
            shape.set("units", row.get("units"));
            shape.set("revenue", row.get("revenue"));
            shape.set("orders", row.get("orders"));
            figures.put(row.get("sku").asText() + "@" + Instant.parse(row.get("windowStart").asText()), shape.toString());
        });
        return figures;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(10));
    }
}
