package io.eventline.app.verify;

import io.eventline.contracts.Money;

/** What one event tells the verifier: about an order, money or stock coming in, or nothing it checks. */
sealed interface Fact {
    /** How an event counts for its order. */
    enum Role {
        /** {@code order.placed}: exactly one per order. */
        PLACED,
        /** {@code order.shipped} or {@code order.cancelled}: at most one, and one once at rest. */
        OUTCOME,
        /** An effect that may happen at most once per order (per sku, for stock). */
        ONCE,
        /** {@code notification.sent}: at most one, and one per ended order once at rest. */
        NOTIFIED,
        /** A step that may legitimately be told more than once, or is not checked. */
        STEP
    }

    /** @param sku the sku, for stock's effects (once per order and sku); null otherwise */
    record ForOrder(String orderId, String eventType, String sku, Role role, String outcome) implements Fact {
    }

    record Deposit(String customerId, Money amount) implements Fact {
    }

    record StockIn(String sku, int quantity) implements Fact {
    }

    record Nothing() implements Fact {
    }
}
