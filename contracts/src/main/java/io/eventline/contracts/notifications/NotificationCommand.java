package io.eventline.contracts.notifications;

/** What may be asked of notifications, on {@code notifications.commands} keyed by order id. */
public sealed interface NotificationCommand permits Notify {
    String orderId();
}
