package io.eventline.contracts.notifications;

import java.util.Objects;

/** Sends the order's outcome message, once per order. */
public record Notify(String orderId, String customerId, String outcome, String reason, String to) implements NotificationCommand {
    public Notify {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
