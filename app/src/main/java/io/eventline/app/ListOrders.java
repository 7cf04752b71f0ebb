package io.eventline.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * How the list routes of services that are no aggregate sort their items (an aggregate's lists say it
 * with their route: {@code AggregateRoutes.list}), read from the JSON they answer, so that the
 * answers of several instances merge into the one list a single instance would give. Times are fixed-width ISO-8601, so
 * their text order is their time order.
 */
final class ListOrders {
    static final Comparator<JsonNode> NOTIFICATIONS = newestFirst("at").thenComparing(text("orderId"));
    static final Comparator<JsonNode> FRAUD_ALERTS = newestFirst("windowEnd").thenComparing(text("customerId"))
            .thenComparing(text("rule"));
    static final Comparator<JsonNode> SALES = text("sku").thenComparing(text("windowStart"));
    static final Comparator<JsonNode> REVENUE = text("category").thenComparing(text("windowStart"));

    private ListOrders() {
    }

    private static Comparator<JsonNode> text(String field) {
        return Comparator.comparing(item -> item.path(field).asText());
    }

    private static Comparator<JsonNode> newestFirst(String field) {
        return text(field).reversed();
    }
}
