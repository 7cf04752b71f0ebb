package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.fuzz.Known;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The state a test sets up and then expects untouched: a customer, an account with money, a sku with
 * stock, one order shipped and settled; and a snapshot of all of it, down to each event topic's end
 * offsets, to compare before and after.
 */
final class KnownState {
    static final String CUSTOMER = "fuzz-customer";
    static final String SKU = "fuzz-sku";
    static final String ORDER = "fuzz-order-1";

    private KnownState() {
    }

    /** Creates it and waits until every service has done all it will do for the order. */
    static Known create(TestApi api) {
        expect(api.put("/api/customers/" + CUSTOMER, "{\"name\":\"Fuzz\",\"email\":\"fuzz@example.com\",\"address\":"
                + "{\"line1\":\"1 Main St\",\"city\":\"Berlin\",\"postcode\":\"10115\",\"country\":\"DE\"}}"), 200);
        expect(api.post("/api/accounts/" + CUSTOMER + "/deposits", "{\"amount\":500.00}"), 200);
        expect(api.post("/api/inventory/" + SKU + "/stock", "{\"quantity\":50}"), 200);
        expect(api.post("/api/orders", "{\"orderId\":\"" + ORDER + "\",\"customerId\":\"" + CUSTOMER + "\",\"items\":"
                + "[{\"sku\":\"" + SKU + "\",\"quantity\":2,\"price\":10.00}],\"currency\":\"EUR\"}"), 202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(api.json("/api/orders/" + ORDER).path("status").asText()).isEqualTo("SHIPPED");
            assertThat(eventTypes(api.json("/api/inventory/" + SKU + "/events"))).contains("stock.shipped");
            assertThat(api.json("/api/notifications?orderId=" + ORDER)).hasSize(1);
            assertThat(api.json("/api/shipments/" + ORDER).path("status").asText()).isEqualTo("SCHEDULED");
        });
        Set<String> projections = new HashSet<>();
        api.json("/api/projections").forEach(p -> projections.add(p.path("projection").asText()));
        String balance = api.json("/api/accounts/" + CUSTOMER).path("balance").decimalValue().toPlainString();
        return new Known(CUSTOMER, SKU, ORDER, balance, projections);
    }

    /** What the API shows of the known state, and how many records every event topic holds. */
    /** The snapshot once two taken a second apart are equal: nothing is still committing. */
    static Map<String, String> settled(TestApi api, String bootstrapServers) {
        Map<String, String>[] last = new Map[] {snapshot(api, bootstrapServers)};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollDelay(java.time.Duration.ofSeconds(1)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, String> now = snapshot(api, bootstrapServers);
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        return last[0];
    }

    static Map<String, String> snapshot(TestApi api, String bootstrapServers) {
        Map<String, String> state = new TreeMap<>();
        for (String path : new String[] {"/api/accounts/" + CUSTOMER, "/api/accounts/" + CUSTOMER + "/events",
            "/api/inventory/" + SKU, "/api/inventory/" + SKU + "/events", "/api/orders/" + ORDER,
            "/api/orders/" + ORDER + "/events", "/api/customers/" + CUSTOMER, "/api/shipments/" + ORDER,
            "/api/notifications?orderId=" + ORDER, "/api/orders?limit=1000", "/api/notifications"}) {
            state.put(path, api.json(path).toString());
        }
        endOffsets(bootstrapServers).forEach((partition, offset) -> state.put(partition, Long.toString(offset)));
        return state;
    }

    private static Map<String, Long> endOffsets(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.endsWith(".events") || name.equals("customers")).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) ->
                    offsets.put(partition.toString(), info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the topics' end offsets", e.getCause());
        }
    }

    private static Set<String> eventTypes(JsonNode events) {
        Set<String> types = new HashSet<>();
        events.forEach(event -> types.add(event.path("eventType").asText()));
        return types;
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
