package io.eventline.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Answers of {@code GET /api/traces} for the console's tests: an order's hops, and the problems. */
final class CannedTrace {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    /** A shipped order's saga, one hop after the other: 119.6 ms from its request to its notification. */
    static final List<Hop> SHIPPED = List.of(
            new Hop("orders", "orders-api", "http", 0, 3_200, "order.place"),
            new Hop("orders", "orders-decide", "orders.commands", 6_800, 1_100, "order.placed"),
            new Hop("accounts", "payment-on-order-placed", "orders.events", 14_500, 900, "payment.take"),
            new Hop("accounts", "accounts-decide", "accounts.commands", 5_200, 1_400, "payment.taken"),
            new Hop("inventory", "stock-on-payment-taken", "accounts.events", 9_700, 600, "stock.reserve"),
            new Hop("inventory", "inventory-decide", "inventory.commands", 4_900, 1_200, "stock.reserved"),
            new Hop("shipping", "shipping-on-stock-reserved+shipments-decide", "inventory.events", 21_000, 2_300,
                    "shipment.scheduled"),
            new Hop("orders", "orders-on-shipments", "shipments.events", 8_100, 800, "order.shipped"),
            new Hop("notifications", "notifications-on-orders", "orders.events", 37_820, 80, "notification.sent"));

    private CannedTrace() {
    }

    /** {@code GET /api/traces}'s answer for these hops, each written as the next one's wait starts. */
    static String json(String orderId, List<Hop> hops) {
        long at = Instant.parse("2026-12-04T19:00:00Z").toEpochMilli() * 1000 + 17; // microseconds
        long first = at;
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            long received = at + hop.waited();
            at = received + hop.processing();
            rows.add(String.format(Locale.ROOT, "{\"spanId\":\"%016x\",\"parentSpanId\":%s,\"service\":\"%s\","
                            + "\"step\":\"%s\",\"read\":\"%s\",\"waitedMs\":%s,\"processingMs\":%s,"
                            + "\"receivedAt\":\"%s\",\"sentAt\":\"%s\",\"records\":[{\"topic\":\"x\",\"partition\":0,"
                            + "\"offset\":%d,\"type\":\"%s\"}]}",
                    i + 1, i == 0 ? "\"00f067aa0ba902b7\"" : String.format("\"%016x\"", i), hop.service(), hop.step(),
                    hop.read(), i == 0 ? "null" : hop.waited() / 1000.0, hop.processing() / 1000.0, instant(received),
                    instant(at), i, hop.type()));
        }
        return String.format(Locale.ROOT, "{\"orderId\":\"%s\",\"traceId\":\"%s\",\"totalMs\":%s,\"scanned\":5120,"
                + "\"truncated\":false,\"hops\":[%s]}", orderId, TRACE_ID, hops.isEmpty() ? "null" : (at - first) / 1000.0,
                String.join(",", rows));
    }

    /** Microseconds since the epoch as the route writes them: ISO, with six digits of fraction. */
    private static String instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000).toString();
    }

    /** A problem ({@code application/problem+json}) saying this. */
    static String problem(int status, String detail) {
        return String.format("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}",
                status == 404 ? "Not Found" : "Service Unavailable", status, detail);
    }

    /** A hop as the trace route tells it, with its wait and processing in microseconds (a wait of 0: none, the request). */
    record Hop(String service, String step, String read, long waited, long processing, String type) {
        String figures() {
            return (waited == 0 ? "–" : ms(waited)) + " · " + ms(processing);
        }

        private static String ms(long micros) {
            return String.format(Locale.ROOT, micros < 1000 ? "%.2f ms" : "%.1f ms", micros / 1000.0);
        }
    }
}
