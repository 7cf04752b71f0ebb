package io.eventline.notifications;

import io.eventline.core.retry.SideEffect;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where mail goes: a webhook (a mail provider's HTTP API, or a relay) or files on disk. Each message
 * is handed over once per {@code notification.sent} event, under its event id as the idempotency key;
 * {@link NotificationsService} retries the transient failures and dead-letters the rest.
 */
public sealed interface Mailer extends SideEffect<Mail> permits WebhookMailer, FileMailer {
    /**
     * POSTs each message as JSON with {@code Idempotency-Key: <event id>}. Transient: no connection, no
     * answer within {@code timeout}, 408, 429 and 5xx. Permanent: any other status but 2xx.
     */
    static Mailer webhook(URI url, Duration timeout) {
        return new WebhookMailer(url, timeout);
    }

    /** Writes each message to {@code <directory>/<event id>.json}, whole or not at all; a repeat finds it there. */
    static Mailer files(Path directory) {
        return new FileMailer(directory);
    }
}
