package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.eventline.core.envelope.Json;
import io.eventline.core.retry.TransientEffectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailerTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldWriteOneFileNamedAfterTheEventWhenAMailIsSent() throws IOException {
        Path mailDir = dataDir.resolve("mail");
        Mailer.files(mailDir).perform("3f1c-e1", WebhookMailerTest.MAIL);

        try (var files = Files.list(mailDir)) {
            assertThat(files).containsExactly(mailDir.resolve("3f1c-e1.json"));
        }
        assertThat(Json.treeToValue(Json.readTree(Files.readAllBytes(mailDir.resolve("3f1c-e1.json"))), Mail.class))
                .isEqualTo(WebhookMailerTest.MAIL);
    }

    @Test
    void shouldKeepTheFirstFileWhenTheSameEventIsMailedAgain() throws IOException {
        Mailer mailer = Mailer.files(dataDir);
        mailer.perform("e-1", WebhookMailerTest.MAIL);
        Path file = dataDir.resolve("e-1.json");
        byte[] first = Files.readAllBytes(file);
        mailer.perform("e-1", new Mail("o-1", "alice", "SHIPPED", null, "alice@example.com", "changed", "later"));

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        try (var files = Files.list(dataDir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void shouldMakeTheDirectoryAgainWhenItWasRemovedBetweenTwoMails() throws IOException {
        Path mailDir = dataDir.resolve("mail");
        Mailer mailer = Mailer.files(mailDir);
        mailer.perform("e-1", WebhookMailerTest.MAIL);
        Files.delete(mailDir.resolve("e-1.json"));
        Files.delete(mailDir);

        mailer.perform("e-2", WebhookMailerTest.MAIL);

        try (var files = Files.list(mailDir)) {
            assertThat(files).containsExactly(mailDir.resolve("e-2.json"));
        }
    }

    @Test
    void shouldLetOnlyThePlatformsUserReadAMail() throws IOException {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Mailer.files(dataDir).perform("e-1", WebhookMailerTest.MAIL);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("e-1.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseAKeyThatIsNoFileName() {
        assertThatThrownBy(() -> Mailer.files(dataDir).perform("../escape", WebhookMailerTest.MAIL))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(TransientEffectException.class);
    }

    @Test
    void shouldFailForNowWhenTheDirectoryCannotBeWritten() throws IOException {
        Path blocked = dataDir.resolve("a-file");
        Files.writeString(blocked, "not a directory");
        assertThatThrownBy(() -> Mailer.files(blocked.resolve("mail")).perform("e-1", WebhookMailerTest.MAIL))
                .isInstanceOf(TransientEffectException.class);
    }
}
