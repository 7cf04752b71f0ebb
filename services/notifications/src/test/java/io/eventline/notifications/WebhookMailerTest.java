package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.retry.TransientEffectException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookMailerTest {
    static final Mail MAIL = new Mail("o-1", "alice", "CANCELLED", "OUT_OF_STOCK", "alice@example.com",
            "Your order o-1 was cancelled: out of stock", "2026-11-22T10:00:00.000Z");
    static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void shouldPostTheMailAsJsonUnderItsIdempotencyKeyWhenTheTargetAccepts() throws IOException {
        try (WebhookTarget target = new WebhookTarget(request -> 202)) {
            Mailer.webhook(target.url(), TIMEOUT).perform("e-1", MAIL);

            assertThat(target.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.idempotencyKey()).isEqualTo("e-1");
                assertThat(request.contentType()).isEqualTo("application/json");
                JsonNode body = Json.readTree(request.body().getBytes(StandardCharsets.UTF_8));
                assertThat(Json.treeToValue(body, Mail.class)).isEqualTo(MAIL);
            });
            assertThat(target.accepted()).containsExactlyEntriesOf(Map.of("e-1", 1));
        }
    }

    @Test
    void shouldPassOnTheTraceItRunsIn() throws IOException {
        SpanContext order = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        try (WebhookTarget target = new WebhookTarget(request -> 202);
             Scope ignored = Context.root().with(Span.wrap(order)).makeCurrent()) {
            Mailer.webhook(target.url(), TIMEOUT).perform("e-1", MAIL);

            assertThat(target.requests().getFirst().traceparent())
                    .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        }
    }

    @Test
    void shouldLeaveOutTheReasonWhenTheOrderShipped() throws IOException {
        try (WebhookTarget target = new WebhookTarget(request -> 200)) {
            Mailer.webhook(target.url(), TIMEOUT).perform("e-2", new Mail("o-2", "bob", "SHIPPED", null,
                    "bob@example.com", "Your order o-2 has shipped", "2026-11-22T10:00:00.000Z"));

            assertThat(target.requests().getFirst().body()).doesNotContain("reason")
                    .contains("\"to\":\"bob@example.com\"");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void shouldFailForNowWhenTheTargetIsOverloadedOrDown(int status) {
        try (WebhookTarget target = new WebhookTarget(request -> status)) {
            assertThatThrownBy(() -> Mailer.webhook(target.url(), TIMEOUT).perform("e-1", MAIL))
                    .isInstanceOf(TransientEffectException.class)
                    .hasMessageContaining("answered " + status + ": status " + status);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 302})
    void shouldFailForGoodWithTheStatusWhenTheTargetRefusesTheMail(int status) {
        try (WebhookTarget target = new WebhookTarget(request -> status)) {
            assertThatThrownBy(() -> Mailer.webhook(target.url(), TIMEOUT).perform("e-1", MAIL))
                    .isInstanceOf(MailRefusedException.class)
                    .isNotInstanceOf(TransientEffectException.class)
                    .hasMessageContaining("answered " + status);
        }
    }

    @Test
    void shouldKeepTheUrlsSecretsOutOfTheErrorWhenTheTargetRefuses() {
        try (WebhookTarget target = new WebhookTarget(request -> 401)) {
            URI withKey = URI.create(target.url().toString().replace("http://", "http://user:pa55@") + "?key=s3cret");
            assertThatThrownBy(() -> Mailer.webhook(withKey, TIMEOUT).perform("e-1", MAIL))
                    .hasMessageContaining(target.url() + " answered 401")
                    .hasMessageNotContaining("s3cret").hasMessageNotContaining("pa55");
        }
    }

    @Test
    void shouldFailForNowWhenNothingListens() {
        URI gone;
        try (WebhookTarget target = new WebhookTarget(request -> 200)) {
            gone = target.url();
        }
        assertThatThrownBy(() -> Mailer.webhook(gone, TIMEOUT).perform("e-1", MAIL))
                .isInstanceOf(TransientEffectException.class).hasMessageContaining(gone.toString());
    }

    @Test
    void shouldFailForNowWhenTheTargetDoesNotAnswerInTime() {
        try (WebhookTarget target = new WebhookTarget(request -> WebhookTarget.SILENT)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> Mailer.webhook(target.url(), TIMEOUT).perform("e-1", MAIL))
                    .isInstanceOf(TransientEffectException.class).hasMessageContaining("no answer within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
