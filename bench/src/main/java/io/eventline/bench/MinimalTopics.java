package io.eventline.bench;

import java.util.List;

/**
 * The minimal saga's topics for one run, each keyed as Eventline's are: {@code orders} (order id: the
 * placed orders and the shipments scheduled), {@code accounts} (customer id), {@code inventory} (sku),
 * {@code shipments} (order id), and {@code outcomes} (order id: {@code order.shipped}), which the bench
 * reads as it reads {@code orders.events}.
 */
record MinimalTopics(String orders, String accounts, String inventory, String shipments, String outcomes) {
    static MinimalTopics of(int commitMs) {
        String prefix = "bench.minimal." + commitMs + "ms.";
        return new MinimalTopics(prefix + "orders", prefix + "accounts", prefix + "inventory", prefix + "shipments",
                prefix + "orders.events");
    }

    /** In the order an order passes through them. */
    List<String> all() {
        return List.of(orders, accounts, inventory, shipments, outcomes);
    }
}
