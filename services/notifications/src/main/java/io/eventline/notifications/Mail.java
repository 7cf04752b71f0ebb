package io.eventline.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Timestamps;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as it leaves Eventline, as JSON: {@code {orderId, customerId, outcome, reason?, to,
 * subject, at}}, the fields of {@code GET /api/notifications}; {@code at} is when it was sent
 * (ISO-8601 UTC, milliseconds).
 */
public record Mail(String orderId, String customerId, String outcome,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                   String to, String subject, String at) {
    public Mail {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * The mail a {@code notification.sent} asks for; none when the customer had no address (the
     * notification records that none could go).
     *
     * @throws io.eventline.core.envelope.UnknownMessageTypeException for a type or version this build
     *     does not know, {@link io.eventline.core.envelope.MalformedMessageException} for data that
     *     does not fit: the event is dead-lettered
     */
    static Optional<Mail> of(EventEnvelope envelope) {
        NotificationEvent event = NotificationContracts.EVENTS.decode(envelope.eventType(), envelope.version(),
                envelope.data());
        return switch (event) {
            case NotificationSent e when e.to() == null -> Optional.empty();
            case NotificationSent e -> Optional.of(new Mail(e.orderId(), e.customerId(), e.outcome(), e.reason(),
                    e.to(), e.subject(), Timestamps.format(envelope.timestamp())));
        };
    }
}
