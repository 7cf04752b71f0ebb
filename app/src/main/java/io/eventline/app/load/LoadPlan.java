package io.eventline.app.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a load sets up and places, computed from its settings alone: order {@code i} is the same
 * whenever it is asked for, so a million orders need not be held. Funds and stock are what the orders
 * need exactly, so an order fails only when it was built to: a customer with no funds, a sku never
 * stocked, or a customer in Antarctica (shipping impossible, docs/api.md).
 */
final class LoadPlan {
    static final long MAX_DEPOSIT_CENTS = 1_000_000_000_00L;
    static final int MAX_STOCK = 1_000_000;

    enum Kind { NORMAL, NO_FUNDS, NO_STOCK, NO_SHIPPING }

    record Item(String sku, int quantity, long priceCents) {
    }

    record Order(String id, String customerId, List<Item> items, Kind kind) {
        long totalCents() {
            return items.stream().mapToLong(item -> item.quantity() * item.priceCents()).sum();
        }

        String body() {
            StringBuilder json = new StringBuilder("{\"orderId\":\"").append(id).append("\",\"customerId\":\"")
                    .append(customerId).append("\",\"items\":[");
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                json.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(item.sku()).append("\",\"quantity\":")
                        .append(item.quantity()).append(",\"price\":").append(decimal(item.priceCents())).append('}');
            }
            return json.append("],\"currency\":\"EUR\"}").toString();
        }
    }

    record Customer(String id, String country, long depositCents) {
    }

    private final LoadSettings settings;
    private final String run;
    private final Map<String, Long> deposits = new LinkedHashMap<>();
    private final Map<String, Long> stock = new LinkedHashMap<>();

    LoadPlan(LoadSettings settings, String run) {
        this.settings = settings;
        this.run = run;
        for (int i = 0; i < settings.orders(); i++) {
            budget(order(i));
        }
    }

    String run() {
        return run;
    }

    Order order(int index) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ (index * 0x9E3779B97F4A7C15L));
        Kind kind = random.nextInt(100) < settings.failurePercent() ? Kind.values()[1 + random.nextInt(3)]
                : Kind.NORMAL;
        String customer = switch (kind) {
            case NO_FUNDS -> run + "-poor";
            case NO_SHIPPING -> run + "-aq";
            case NORMAL, NO_STOCK -> run + "-c" + random.nextInt(settings.customers());
        };
        List<Item> items = new ArrayList<>();
        if (kind == Kind.NO_STOCK) {
            items.add(new Item(run + "-none", 1, price(random)));
        } else {
            int first = random.nextInt(settings.skus());
            items.add(new Item(run + "-s" + first, 1 + random.nextInt(3), price(random)));
            if (settings.skus() > 1 && random.nextBoolean()) {
                int second = (first + 1 + random.nextInt(settings.skus() - 1)) % settings.skus();
                items.add(new Item(run + "-s" + second, 1 + random.nextInt(3), price(random)));
            }
        }
        return new Order(run + "-o" + index, customer, List.copyOf(items), kind);
    }

    /** Every customer with the address and deposit the plan needs; the poor one gets 0.01. */
    List<Customer> customers() {
        List<Customer> customers = new ArrayList<>();
        deposits.forEach((id, cents) -> customers.add(new Customer(id, id.endsWith("-aq") ? "AQ" : "FR",
                id.endsWith("-poor") ? 1 : cents)));
        return customers;
    }

    /** The units each stocked sku needs: those its orders reserve. */
    Map<String, Long> stock() {
        return Map.copyOf(stock);
    }

    private void budget(Order order) {
        deposits.merge(order.customerId(), order.kind() == Kind.NO_FUNDS ? 0 : order.totalCents(), Long::sum);
        if (order.kind() != Kind.NO_STOCK) {
            order.items().forEach(item -> stock.merge(item.sku(), (long) item.quantity(), Long::sum));
        }
    }

    private static long price(SplittableRandom random) {
        return 100 + random.nextInt(1_901); // 1.00 to 20.00
    }

    static String decimal(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }
}
