package io.eventline.contracts.notifications;

/** Messages sent to customers, on {@code notifications.events} keyed by order id. */
public sealed interface NotificationEvent permits NotificationSent {
    String orderId();
}
