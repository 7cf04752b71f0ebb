package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./eventline dlq list --json} against a stand-in for Eventline's dead-letter API. */
class DlqCommandTest {
    @Test
    void shouldListTheDeadLettersAsAJsonArrayWhenAskedForJson() throws Exception {
        String letters = "[{\"id\":\"orders.dlq-0-7\",\"topic\":\"orders.events\",\"partition\":3,\"offset\":17,"
                + "\"reason\":\"deserialization\",\"error\":\"not json\",\"at\":\"2026-12-04T13:00:00Z\",\"replayed\":false}]";
        try (StandIn eventline = new StandIn((method, path) -> StandIn.Answer.ok(letters))) {
            Cli.Result result = Cli.execute("dlq", "list", "--json", "--url", eventline.url());

            assertThat(result.exitCode()).isZero();
            JsonNode printed = Json.readTree(result.out().getBytes(StandardCharsets.UTF_8));
            assertThat(printed).isEqualTo(Json.readTree(letters.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void shouldPrintAnEmptyJsonArrayWhenThereIsNoDeadLetter() {
        try (StandIn eventline = new StandIn((method, path) -> StandIn.Answer.ok("[]"))) {
            Cli.Result result = Cli.execute("dlq", "list", "--json", "--url", eventline.url());

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("[]" + System.lineSeparator());
        }
    }
}
