package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./eventline load} against a stand-in for Eventline that ships every order: what it prints
 * and how it exits. The load generator itself runs against the real platform in ConsoleApiTest.
 */
class LoadCommandTest {
    private final AtomicInteger placed = new AtomicInteger();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @Timeout(30)
    void shouldPrintTheSummaryAsJsonAndExitZeroWhenEveryOrderEnded() throws Exception {
        Cli.Result result = Cli.execute("load", "--url", url, "--orders", "40", "--rate", "200", "--json", "--seed", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = Json.readTree(result.out().getBytes(StandardCharsets.UTF_8));
        assertThat(summary.path("phase").asText()).isEqualTo("FINISHED");
        assertThat(summary.path("outcomes").path("SHIPPED").asInt()).isEqualTo(40);
        assertThat(summary.path("latencyMillis").path("count").asInt()).isEqualTo(40);
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(placed).hasValue(40);
        assertThat(result.err()).contains("40 done");
    }

    @Test
    @Timeout(30)
    void shouldPrintATableWhenNotAskedForJson() {
        Cli.Result result = Cli.execute("load", "--url", url, "--orders", "10", "--rate", "100");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("orders/s achieved").contains("p99.9").contains("SHIPPED").contains("errors");
    }

    @Test
    @Timeout(30)
    void shouldWriteProgressLinesToStderrWithoutCarriageReturnsWhenStderrIsNoTerminal() {
        Cli.Result result = Cli.execute("load", "--url", url, "--orders", "20", "--rate", "100", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("\r");
        // a line when it starts, one every 5 s (it runs for less), and the last
        assertThat(result.err().lines().filter(line -> line.startsWith("[")).toList()).hasSize(2)
                .last().asString().contains("20 done");
        assertThat(result.out()).doesNotContain("[#").startsWith("{");
    }

    @Test
    void shouldExitWithUsageWhenTheRateIsOutOfRange() {
        Cli.Result result = Cli.execute("load", "--url", url, "--rate", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--rate: from 1 to 10000, was 0");
    }

    @Test
    @Timeout(30)
    void shouldExitOneWithTheReasonWhenNoEventlineAnswers() {
        server.stop(0);

        Cli.Result result = Cli.execute("load", "--url", url, "--orders", "5", "--rate", "5");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED").contains("last error");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/api/orders")) {
            placed.incrementAndGet();
            respond(exchange, 202, "{\"status\":\"PLACED\"}");
        } else if (method.equals("GET") && path.startsWith("/api/orders/")) {
            respond(exchange, 200, "{\"status\":\"SHIPPED\"}");
        } else {
            respond(exchange, 200, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
