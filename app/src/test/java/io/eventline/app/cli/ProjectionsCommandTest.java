package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./eventline projections list|rebuild} against a stand-in for Eventline's projections API. */
class ProjectionsCommandTest {
    private static final String SERVING = "{\"projection\":\"orders-view\",\"activeVersion\":2,\"building\":false,"
            + "\"consumed\":1000,\"total\":1000,\"percent\":100}";

    private static String building(int consumed) {
        return "{\"projection\":\"orders-view\",\"activeVersion\":1,\"building\":true,\"buildingVersion\":2,"
                + "\"consumed\":" + consumed + ",\"total\":1000,\"percent\":" + consumed / 10 + "}";
    }

    @Test
    @Timeout(30)
    void shouldWriteProgressToStderrAndTheOutcomeToStdoutWhenTheRebuildCatchesUp() {
        AtomicInteger polls = new AtomicInteger();
        try (StandIn eventline = new StandIn((method, path) -> method.equals("POST") ? StandIn.Answer.ok(building(0))
                : StandIn.Answer.ok(polls.incrementAndGet() < 3 ? building(500) : SERVING))) {
            Cli.Result result = Cli.execute("projections", "rebuild", "orders-view", "--url", eventline.url());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).matches("orders-view v2 now serving queries \\(rebuilt in \\d+\\.\\d s\\)\\R");
            assertThat(result.err()).doesNotContain("\r").startsWith("orders-view v2  [")
                    .contains("0 / 1,000 events").endsWith("100%  caught up" + System.lineSeparator());
        }
    }

    @Test
    @Timeout(30)
    void shouldExitOneSayingHowFarItGotWhenTheRebuildDoesNotCatchUpWithinTheTimeout() {
        try (StandIn eventline = new StandIn((method, path) -> StandIn.Answer.ok(building(400)))) {
            Cli.Result result = Cli.execute("projections", "rebuild", "orders-view", "--url", eventline.url(),
                    "--timeout", "300ms");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines().toList().getLast()).isEqualTo("eventline: orders-view v2 has not caught up "
                    + "within 300ms: 400 of 1,000 events (40%); the rebuild goes on in Eventline, v1 serving queries "
                    + "meanwhile");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"soon; a duration such as 500ms, 90s or 5m, was 'soon'",
            "-5s; a duration such as 500ms, 90s or 5m, was '-5s'", "0; --timeout: more than 0"})
    void shouldExitTwoWithTheUsageWhenTheTimeoutIsNoPositiveDuration(String timeout, String message) {
        Cli.Result result = Cli.execute("projections", "rebuild", "orders-view", "--url", "http://127.0.0.1:1",
                "--timeout", timeout);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(message).contains("Usage: eventline projections rebuild");
    }

    @Test
    void shouldWaitFiveMinutesWhenNoTimeoutIsGiven() {
        Cli.Result help = Cli.execute("projections", "rebuild", "--help");

        assertThat(String.join(" ", help.out().split("\\s+"))).containsPattern("--timeout=DURATION how long to wait "
                + "for the new version to catch up, [^(]*\\(default 5m\\)");
    }

    @Test
    void shouldPrintTheProjectionsAsTheApiAnswersWhenAskedForJson() throws Exception {
        String answer = "[" + SERVING.replace("orders-view", "orders-compensations") + "," + building(250) + "]";
        try (StandIn eventline = new StandIn((method, path) -> StandIn.Answer.ok(answer))) {
            Cli.Result json = Cli.execute("projections", "list", "--json", "--url", eventline.url());
            Cli.Result table = Cli.execute("projections", "list", "--url", eventline.url());

            assertThat(json.exitCode()).isZero();
            assertThat(Json.readTree(json.out().getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(Json.readTree(answer.getBytes(StandardCharsets.UTF_8)));
            assertThat(table.out().lines()).containsExactly(
                    "PROJECTION                    SERVING   REBUILD",
                    "orders-compensations          v2        ",
                    "orders-view                   v1        v2 at 25% (250 / 1,000 events)");
            assertThat(eventline.requests()).extracting(StandIn.Request::path).containsOnly("/api/projections");
        }
    }
}
