package io.eventline.app.verify;

import io.eventline.app.verify.Fact.ForOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every order's events across the topics: one {@code order.placed}, at most one outcome (one once at
 * rest), each once-only effect at most once (per sku for stock), at most one notification (one per
 * ended order once at rest). Events on several topics have no order between them, so only counts are
 * checked, never a sequence.
 */
final class OrderLedger {
    static final String IN_FLIGHT = "in flight";

    private static final class Order {
        Position first;
        Position placed;
        Position outcomeAt;
        String outcome;
        Position notified;
        final Map<String, Position> once = new HashMap<>();
    }

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();

    void add(Position at, ForOrder fact) {
        Order order = orders.computeIfAbsent(fact.orderId(), id -> new Order());
        if (order.first == null) {
            order.first = at;
        }
        switch (fact.role()) {
            case PLACED -> order.placed = once(order.placed, at, fact);
            case NOTIFIED -> order.notified = once(order.notified, at, fact);
            case ONCE -> {
                String what = fact.eventType() + (fact.sku() == null ? "" : "/" + fact.sku());
                Position first = order.once.putIfAbsent(what, at);
                if (first != null) {
                    violations.add(new Violation.RepeatedEffect(at, fact.orderId(), fact.eventType(), fact.sku(), first));
                }
            }
            case OUTCOME -> {
                if (order.outcome != null) {
                    violations.add(new Violation.TwoOutcomes(at, fact.orderId(), order.outcome, fact.outcome()));
                } else {
                    order.outcome = fact.outcome();
                    order.outcomeAt = at;
                }
            }
            case STEP -> { }
        }
    }

    private Position once(Position first, Position at, ForOrder fact) {
        if (first != null) {
            violations.add(new Violation.RepeatedEffect(at, fact.orderId(), fact.eventType(), null, first));
            return first;
        }
        return at;
    }

    /** @param atRest the platform was said to be quiescent: an order not ended, or not notified, is a violation */
    List<Violation> violations(boolean atRest) {
        List<Violation> all = new ArrayList<>(violations);
        orders.forEach((id, order) -> {
            if (order.placed == null) {
                all.add(new Violation.NoPlacement(order.first, id));
            } else if (atRest && order.outcome == null) {
                all.add(new Violation.Unfinished(order.placed, id));
            } else if (atRest && order.notified == null) {
                all.add(new Violation.Unnotified(order.outcomeAt, id));
            }
        });
        return all;
    }

    /** Every placed order's outcome: SHIPPED, the reason it was cancelled, or {@value #IN_FLIGHT}. */
    Map<String, String> outcomes() {
        Map<String, String> outcomes = new TreeMap<>();
        orders.forEach((id, order) -> {
            if (order.placed != null) {
                outcomes.put(id, order.outcome == null ? IN_FLIGHT : order.outcome);
            }
        });
        return outcomes;
    }
}
