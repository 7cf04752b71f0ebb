package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.app.cli.Cli;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --mail-webhook} and {@code --mail-timeout}: read, checked at start-up, printed without secrets. */
class MailOptionsTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldMailToFilesWhenNoWebhookIsGiven() {
        EventlineConfig.Mail mail = EventlineConfig.Mail.of(null, "5s");

        assertThat(mail).isEqualTo(EventlineConfig.Mail.FILES);
        assertThat(NotificationsModule.mailer(config(mail)).getClass().getSimpleName()).isEqualTo("FileMailer");
    }

    @Test
    void shouldPostToTheWebhookWithItsTimeoutWhenOneIsGiven() {
        EventlineConfig.Mail mail = EventlineConfig.Mail.of(" https://mail.example.com/v1/send ", "750ms");

        assertThat(mail.webhook()).contains(URI.create("https://mail.example.com/v1/send"));
        assertThat(mail.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(NotificationsModule.mailer(config(mail)).getClass().getSimpleName()).isEqualTo("WebhookMailer");
    }

    @Test
    void shouldMaskWhatAProviderMayHideInTheUrlWhenTheSettingsArePrinted() {
        EventlineConfig.Mail mail = EventlineConfig.Mail.of(
                "https://user:secret@mail.example.com:8443/send?key=k3y", "5s");

        assertThat(config(mail).describe()).contains("mail=https://****@mail.example.com:8443/send?**** timeout=5000ms")
                .doesNotContain("secret").doesNotContain("k3y");
    }

    @ParameterizedTest
    @CsvSource({"ftp://mail.example.com/in, 5s, --mail-webhook", "'http:///nohost', 5s, --mail-webhook",
            "'http://a b', 5s, --mail-webhook", "'', 5, --mail-timeout", "'', 0s, --mail-timeout",
            "'', 61s, --mail-timeout"})
    void shouldRefuseToStartSayingWhatToSetWhenAMailOptionIsBad(String webhook, String timeout, String option) {
        assertThatThrownBy(() -> EventlineConfig.Mail.of(webhook, timeout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(option);

        Cli.Result result = Cli.execute("run", "--data-dir", dataDir.toString(), "--mail-webhook", webhook,
                "--mail-timeout", timeout);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(option).contains("Usage:");
    }

    private EventlineConfig config(EventlineConfig.Mail mail) {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, EventlineConfig.Saga.CHOREOGRAPHY,
                EventlineConfig.ORDER_SERVICES, mail);
    }
}
