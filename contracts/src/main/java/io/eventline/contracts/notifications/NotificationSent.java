package io.eventline.contracts.notifications;

import io.eventline.contracts.Nullable;
import java.util.Objects;

/** {@code notification.sent} v1: the message telling the customer how the order ended ({@code outcome} SHIPPED or CANCELLED, {@code reason} when cancelled, {@code to} null when the customer has no address known). */
public record NotificationSent(String orderId, String customerId, String outcome, @Nullable String reason, @Nullable String to, String subject) implements NotificationEvent {
    public NotificationSent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(subject, "subject");
    }
}
