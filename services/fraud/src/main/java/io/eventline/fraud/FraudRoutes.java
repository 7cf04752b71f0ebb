package io.eventline.fraud;

import io.eventline.core.query.StoreReads;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/fraud/alerts[?customerId=…]}: the alerts raised, newest first, from
 * {@code fraud-alerts} by interactive query. Answers from this instance's partitions; the app merges
 * the answers of every instance holding a part.
 */
public final class FraudRoutes {
    private final Supplier<ReadOnlyKeyValueStore<String, FraudAlerts>> store;

    public FraudRoutes(KafkaStreams streams) {
        this.store = () -> streams.store(StoreQueryParameters.fromNameAndType(
                FraudDetection.ALERTS_STORE, QueryableStoreTypes.<String, FraudAlerts>keyValueStore()));
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/fraud/alerts", this::alerts);
    }

    private void alerts(Context ctx) {
        String customerParam = ctx.queryParam("customerId");
        String customerId = customerParam == null ? null : RequestBody.id("customerId", customerParam);
        ctx.json(StoreReads.read("fraud", () -> AlertQuery.run(store.get(), customerId)));
    }
}
