package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.contracts.notifications.Notify;
import io.eventline.core.decider.Decider;
import java.util.List;

/**
 * One message per order outcome, never two: the first {@link Notify} for an order sends it, any later
 * one (the same reaction replayed, or another outcome) is answered with no event.
 *
 * <p>Under exactly-once, appending {@code notification.sent} decides the send: the event topic is the
 * outbox, and the event commits with the command that caused it or not at all. The mail effect
 * ({@link NotificationsService#MAIL}) reads it and hands each message to a {@link Mailer}, once per
 * event id, which it passes on as the idempotency key so that a mail server can drop the rare repeat.
 */
public final class NotificationDecider implements Decider<NotificationCommand, Notification, NotificationEvent> {
    public static final String SHIPPED = "SHIPPED";
    public static final String CANCELLED = "CANCELLED";
    public static final String UNKNOWN_OUTCOME = "notification.unknown-outcome";

    @Override
    public Notification initialState() {
        return Notification.NONE;
    }

    @Override
    public List<NotificationEvent> decide(NotificationCommand command, Notification notification) {
        return switch (command) {
            case Notify c when notification.wasSent() -> List.of();
            case Notify c -> List.of(new NotificationSent(
                    c.orderId(), c.customerId(), c.outcome(), c.reason(), c.to(), Subjects.of(c)));
        };
    }

    @Override
    public Notification evolve(Notification notification, NotificationEvent event) {
        return switch (event) {
            case NotificationSent e -> new Notification(e.outcome(), e.to(), e.subject());
        };
    }
}
