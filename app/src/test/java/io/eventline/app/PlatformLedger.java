package io.eventline.app;

import static io.eventline.app.PlatformInvariantsTest.cents;
import static io.eventline.app.PlatformInvariantsTest.orderIdsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The invariants of the platform, read back through its own API once every order has ended. */
final class PlatformLedger {
    /** The most orders {@code GET /api/orders} lists in one answer. */
    static final int PAGE = 1000;

    private final TestApi api;
    private final Scenario scenario;
    private final Map<String, Integer> cancels;

    PlatformLedger(TestApi api, Scenario scenario, Map<String, Integer> cancels) {
        this.api = api;
        this.scenario = scenario;
        this.cancels = cancels;
    }

    private Map<String, Long> outcomes = Map.of();

    /** Orders by outcome: SHIPPED or the cancel reason, as of the last check. */
    Map<String, Long> outcomes() {
        return outcomes;
    }

    void printSummary() {
        System.out.println("PlatformInvariantsTest outcomes " + new java.util.TreeMap<>(outcomes));
    }

    void check(String seed) {
        Map<String, JsonNode> orders = listOrders();
        assertThat(orders).as("%s: every order is known", seed).hasSize(scenario.orders().size());
        orders.values().forEach(order -> assertThat(order.get("status").asText()).as("%s: %s ends", seed, order)
                .isIn("SHIPPED", "CANCELLED"));
        Set<String> failedPayments = new HashSet<>();
        Set<String> failedReservations = new HashSet<>();
        checkAccounts(seed, orders, failedPayments);
        checkStock(seed, orders, failedReservations);
        checkOutcomes(seed, orders, failedPayments, failedReservations);
        checkNotifications(seed, orders);
        checkCorrelation(seed);
        outcomes = orders.values().stream().collect(java.util.stream.Collectors.groupingBy(
                o -> o.has("reason") ? o.get("reason").asText() : o.get("status").asText(),
                java.util.stream.Collectors.counting()));
    }

    /**
     * Every order the platform lists, by id. The API lists at most {@value #PAGE} orders, newest first,
     * with no next page: a full page may have cut some off, so then it lists customer by customer, each
     * of whose pages must not be full. (A page of exactly as many orders as the scenario has would hide
     * an order the platform holds beyond them.)
     */
    Map<String, JsonNode> listOrders() {
        Map<String, JsonNode> orders = new HashMap<>();
        JsonNode all = api.json("/api/orders?limit=" + PAGE);
        if (all.size() < PAGE) {
            all.forEach(order -> orders.put(order.get("orderId").asText(), order));
            return orders;
        }
        for (Scenario.Customer customer : scenario.customers()) {
            JsonNode page = api.json("/api/orders?customerId=" + customer.id() + "&limit=" + PAGE);
            assertThat(page.size()).as("%s's orders fit in one page", customer.id()).isLessThan(PAGE);
            page.forEach(order -> orders.put(order.get("orderId").asText(), order));
        }
        return orders;
    }

    /** Every event of an order's chain, in every service, carries the order's id as correlation id. */
    private void checkCorrelation(String seed) {
        for (Scenario.Customer customer : scenario.customers()) {
            api.json("/api/accounts/" + customer.id() + "/events").forEach(event -> {
                if (event.get("data").has("orderId")) {
                    assertThat(event.get("metadata").get("correlationId").asText()).as("%s: %s", seed, event)
                            .isEqualTo(event.get("data").get("orderId").asText());
                }
            });
        }
        for (Scenario.Sku sku : scenario.skus()) {
            api.json("/api/inventory/" + sku.id() + "/events").forEach(event -> {
                if (event.get("data").has("orderId")) {
                    assertThat(event.get("metadata").get("correlationId").asText()).as("%s: %s", seed, event)
                            .isEqualTo(event.get("data").get("orderId").asText());
                }
            });
        }
        for (Scenario.Order order : scenario.orders().subList(0, 50)) {
            api.json("/api/orders/" + order.id() + "/events").forEach(event ->
                    assertThat(event.get("metadata").get("correlationId").asText()).as("%s: %s", seed, event)
                            .isEqualTo(order.id()));
        }
    }

    private void checkAccounts(String seed, Map<String, JsonNode> orders, Set<String> failedPayments) {
        for (Scenario.Customer customer : scenario.customers()) {
            JsonNode events = api.json("/api/accounts/" + customer.id() + "/events");
            long balance = 0;
            long taken = 0;
            for (JsonNode event : events) {
                long amount = cents(event.get("data").get("amount"));
                switch (event.get("eventType").asText()) {
                    case "account.deposited", "payment.refunded" -> balance += amount;
                    case "account.withdrawn" -> balance -= amount;
                    case "payment.taken" -> balance -= amount;
                    default -> { }
                }
                taken += switch (event.get("eventType").asText()) {
                    case "payment.taken" -> amount;
                    case "payment.refunded" -> -amount;
                    default -> 0;
                };
                assertThat(balance).as("%s: %s never negative", seed, customer.id()).isNotNegative();
            }
            failedPayments.addAll(orderIdsOf(events, "payment.failed"));
            long shippedTotals = orders.values().stream()
                    .filter(o -> o.get("customerId").asText().equals(customer.id()))
                    .filter(o -> o.get("status").asText().equals("SHIPPED"))
                    .mapToLong(o -> cents(o.get("total"))).sum();
            assertThat(cents(api.json("/api/accounts/" + customer.id()).get("balance")))
                    .as("%s: %s balance = deposits - withdrawals - payments + refunds", seed, customer.id())
                    .isEqualTo(balance);
            assertThat(taken).as("%s: %s paid exactly for its shipped orders", seed, customer.id())
                    .isEqualTo(shippedTotals);
        }
    }

    private void checkStock(String seed, Map<String, JsonNode> orders, Set<String> failedReservations) {
        for (Scenario.Sku sku : scenario.skus()) {
            JsonNode events = api.json("/api/inventory/" + sku.id() + "/events");
            long added = 0;
            long shipped = 0;
            for (JsonNode event : events) {
                switch (event.get("eventType").asText()) {
                    case "stock.added" -> added += event.get("data").get("quantity").asLong();
                    case "stock.shipped" -> shipped += event.get("data").get("quantity").asLong();
                    default -> { }
                }
            }
            failedReservations.addAll(orderIdsOf(events, "stock.reservation-failed"));
            JsonNode stock = api.json("/api/inventory/" + sku.id());
            long available = stock.get("available").asLong();
            long reserved = stock.get("reserved").asLong();
            assertThat(available).as("%s: %s available", seed, sku.id()).isNotNegative();
            assertThat(reserved).as("%s: %s holds no reservation once every order ended", seed, sku.id()).isZero();
            assertThat(available + reserved).as("%s: %s available + reserved = added - shipped", seed, sku.id())
                    .isEqualTo(added - shipped);
            long shippedInOrders = orders.values().stream().filter(o -> o.get("status").asText().equals("SHIPPED"))
                    .flatMap(o -> java.util.stream.StreamSupport.stream(o.get("items").spliterator(), false))
                    .filter(item -> item.get("sku").asText().equals(sku.id()))
                    .mapToLong(item -> item.get("quantity").asLong()).sum();
            assertThat(shipped).as("%s: %s shipped exactly the shipped orders' units", seed, sku.id())
                    .isEqualTo(shippedInOrders);
        }
    }

    private void checkOutcomes(String seed, Map<String, JsonNode> orders, Set<String> failedPayments,
                               Set<String> failedReservations) {
        Map<String, Scenario.Customer> customers = new HashMap<>();
        scenario.customers().forEach(c -> customers.put(c.id(), c));
        for (JsonNode order : orders.values()) {
            String id = order.get("orderId").asText();
            Scenario.AddressKind address = customers.get(order.get("customerId").asText()).address();
            String status = order.get("status").asText();
            String reason = order.has("reason") ? order.get("reason").asText() : null;
            if (status.equals("SHIPPED")) {
                assertThat(address).as("%s: %s shipped to a real address", seed, id).isEqualTo(Scenario.AddressKind.NORMAL);
                assertThat(cancels.getOrDefault(id, 409)).as("%s: %s shipped, so its cancel was refused", seed, id)
                        .isEqualTo(409);
                continue;
            }
            switch (reason) {
                case "INSUFFICIENT_FUNDS" -> assertThat(failedPayments).as("%s: %s", seed, id).contains(id);
                case "OUT_OF_STOCK" -> assertThat(failedReservations).as("%s: %s", seed, id).contains(id);
                case "SHIPPING_UNAVAILABLE" -> assertThat(address).as("%s: %s", seed, id)
                        .isNotEqualTo(Scenario.AddressKind.NORMAL);
                case "CANCELLED_BY_CUSTOMER" -> assertThat(cancels.get(id)).as("%s: %s", seed, id).isEqualTo(202);
                default -> throw new AssertionError(seed + ": " + id + " cancelled for " + reason);
            }
        }
    }

    /** Order by order: the list without {@code orderId} is one page (100 by default), not every message. */
    private void checkNotifications(String seed, Map<String, JsonNode> orders) {
        Map<String, Integer> perOrder = new HashMap<>();
        orders.forEach((orderId, order) -> api.json("/api/notifications?orderId=" + orderId).forEach(n -> {
            perOrder.merge(n.get("orderId").asText(), 1, Integer::sum);
            assertThat(n.get("orderId").asText()).as("%s: %s", seed, n).isEqualTo(orderId);
            assertThat(n.get("outcome").asText()).as("%s: %s", seed, n).isEqualTo(order.get("status").asText());
        }));
        assertThat(perOrder).as("%s: one notification per order", seed).hasSize(orders.size());
        assertThat(perOrder.values()).as("%s: never two for one order", seed).containsOnly(1);
    }
}
