package io.eventline.notifications;

import io.eventline.core.envelope.Json;
import io.eventline.core.retry.TransientEffectException;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** {@link Mailer#webhook}: one POST per message, classified by how it ended. Thread-safe. */
final class WebhookMailer implements Mailer {
    /** What of an error answer's body goes into the dead letter: enough to say why, never a whole page. */
    private static final int EXCERPT = 200;

    private final URI url;
    /** The URL as logs and dead letters show it: without user info and query, where providers put keys. */
    private final String shown;
    private final Duration timeout;
    private final HttpClient http;

    WebhookMailer(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.shown = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        // HTTP/1.1: no h2c upgrade dance with a POST body; redirects are not followed, since a mail
        // provider that moves its API is a configuration to fix, not something to guess around.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void perform(String idempotencyKey, Mail mail) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(mail)));
        // The mail continues the order's trace (W3C traceparent): core runs each attempt in the trace
        // of the event that asked for it.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), builder,
                (carrier, key, value) -> carrier.header(key, value));
        HttpRequest request = builder.build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                judge(response.statusCode(), body);
            }
        } catch (HttpTimeoutException e) {
            throw new TransientEffectException("mail webhook " + shown + ": no answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (IOException e) {
            throw new TransientEffectException("mail webhook " + shown + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientEffectException("mail webhook " + shown + ": interrupted", e);
        }
    }

    private void judge(int status, InputStream body) throws IOException {
        if (status >= 200 && status < 300) {
            return;
        }
        String said = "mail webhook " + shown + " answered " + status + excerpt(body);
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientEffectException(said);
        }
        throw new MailRefusedException(said);
    }

    private static String excerpt(InputStream body) throws IOException {
        String text = new String(body.readNBytes(EXCERPT), StandardCharsets.UTF_8).strip();
        String line = text.lines().findFirst().orElse("");
        return line.isEmpty() ? "" : ": " + line;
    }
}
