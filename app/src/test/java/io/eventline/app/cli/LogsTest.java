package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.logging.CorrelationMdc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --log-format json}: one JSON object a line on stderr, with the correlation id; {@code --log-level}. */
class LogsTest {
    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() {
        System.setErr(stderr);
        Logs.format(Logs.Format.TEXT);
        Logs.level("INFO");
    }

    @Test
    void shouldWriteOneJsonObjectALineWithTheCorrelationIdWhenAskedForJson() throws Exception {
        Main.commandLine().parseArgs("--log-format", "json", "--log-level", "debug", "verify", "--help");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (CorrelationMdc ignored = CorrelationMdc.of("order-42")) {
            LoggerFactory.getLogger("io.eventline.test").debug("handled {}", "it");
        }
        System.setErr(stderr);

        String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("io.eventline.test"))
                .findFirst().orElseThrow(() -> new AssertionError("no line: " + captured));
        JsonNode json = Json.readTree(line.getBytes(StandardCharsets.UTF_8));
        assertThat(json.path("level").asText()).isEqualTo("DEBUG");
        assertThat(json.path("loggerName").asText()).isEqualTo("io.eventline.test");
        assertThat(json.path("formattedMessage").asText()).isEqualTo("handled it");
        assertThat(json.path("mdc").path("correlationId").asText()).isEqualTo("order-42");
    }

    @Test
    void shouldExitTwoNamingTheOptionWhenTheLevelOrFormatIsUnknown() {
        StringWriter err = new StringWriter();
        assertThat(Main.commandLine().setErr(new PrintWriter(err)).execute("--log-level", "LOUD", "verify", "--help"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--log-level");
        StringWriter err2 = new StringWriter();
        assertThat(Main.commandLine().setErr(new PrintWriter(err2)).execute("--log-format", "xml", "verify", "--help"))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("text or json");
    }
}
