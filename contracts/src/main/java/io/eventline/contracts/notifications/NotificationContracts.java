package io.eventline.contracts.notifications;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.AggregateTopics;

/** The notifications aggregate's messages, keyed by order id: one message per order outcome. */
public final class NotificationContracts {
    public static final String NAME = "notifications";
    /** Its commands, events and replies topics, named after it (the rule of {@link AggregateTopics}). */
    public static final AggregateTopics TOPICS = AggregateTopics.of(NAME);
    /** The public event topic, keyed by aggregate id; new consumers read it from offset 0. */
    public static final String TOPIC = TOPICS.events().name();

    public static final Catalogue<NotificationEvent> EVENTS = Catalogue.of(NotificationEvent.class)
            .add("notification.sent", NotificationSent.class)
            .build();

    public static final Catalogue<NotificationCommand> COMMANDS = Catalogue.of(NotificationCommand.class)
            .add("notification.send", Notify.class)
            .build();

    private NotificationContracts() {
    }
}
