package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.eventline.contracts.schemas.EventSchemas;
import io.eventline.contracts.schemas.EventTopic;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./eventline schemas export|push}: files, and a stub that speaks the Confluent Schema Registry's REST API. */
class SchemasCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteEverySchemaAndTheIndexWhenExporting() throws IOException {
        Cli.Result result = Cli.execute("schemas", "export", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("order.placed/v1.json")))
                .isEqualTo(new String(EventSchemas.files().get("order.placed/v1.json"), StandardCharsets.UTF_8));
        assertThat(Json.readTree(Files.readAllBytes(dir.resolve("index.json")))).hasSize(EventSchemas.all().size());
    }

    @Test
    void shouldRefuseAndWriteNothingWhenAPublishedSchemaWouldBreakItsReaders() throws IOException {
        Files.createDirectories(dir.resolve("order.placed"));
        String published = new String(EventSchemas.files().get("order.placed/v1.json"), StandardCharsets.UTF_8)
                .replace("\"currency\": {", "\"coupon\": {\n          \"type\": \"string\"\n        },\n        \"currency\": {");
        Files.writeString(dir.resolve("order.placed/v1.json"), published);

        Cli.Result result = Cli.execute("schemas", "export", dir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("eventline: 1 breaking change(s) to the schemas published in " + dir)
                .contains("order.placed/v1.json data.coupon: removed");
        assertThat(dir.resolve("index.json")).doesNotExist();
    }

    @Test
    void shouldRegisterEachTypeUnderTopicDashTypeAsJsonWhenPushing() {
        try (Registry registry = new Registry(200, "{\"id\":%d}")) {
            Cli.Result result = Cli.execute("schemas", "push", "--registry", registry.url() + "/");

            assertThat(result.exitCode()).as(result.err()).isZero();
            List<String> subjects = EventTopic.ALL.stream().flatMap(topic -> topic.events().types().stream()
                    .map(type -> topic.topic() + "-" + type.name()).sorted()).toList();
            assertThat(registry.requests).extracting(Request::path)
                    .isEqualTo(subjects.stream().map(s -> "/subjects/" + s + "/versions").toList());
            Request placed = registry.requests.stream()
                    .filter(r -> r.path().equals("/subjects/orders.events-order.placed/versions")).findFirst().orElseThrow();
            assertThat(placed.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(placed.body().fieldNames()).toIterable().containsExactly("schemaType", "schema");
            assertThat(placed.body().get("schemaType").asText()).isEqualTo("JSON");
            JsonNode schema = parse(placed.body().get("schema").asText());
            assertThat(schema).isEqualTo(EventSchemas.find("order.placed", 1).orElseThrow().schema());
            assertThat(result.out()).contains("orders.events-order.placed").contains("id " + subjects.indexOf(
                    "orders.events-order.placed")).contains(subjects.size() + " subjects registered in " + registry.url());
        }
    }

    @Test
    void shouldExitOneNamingTheRegistryAndItsErrorWhenItRefuses() {
        try (Registry registry = new Registry(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}")) {
            Cli.Result result = Cli.execute("schemas", "push", "--registry", registry.url());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("eventline: the schema registry at " + registry.url() + " refused "
                    + "customers-customer.updated: HTTP 422, error 42201, Invalid schema" + System.lineSeparator());
            assertThat(registry.requests).hasSize(1);
        }
    }

    @Test
    void shouldExitOneNamingTheUrlWhenNoRegistryAnswers() {
        String url;
        try (Registry gone = new Registry(200, "{}")) {
            url = gone.url();
        }
        Cli.Result result = Cli.execute("schemas", "push", "--registry", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("eventline: no schema registry answers at " + url);
    }

    @Test
    void shouldSendNothingWhenItIsADryRun() {
        try (Registry registry = new Registry(200, "{\"id\":%d}")) {
            Cli.Result result = Cli.execute("schemas", "push", "--registry", registry.url(), "--dry-run");

            assertThat(result.exitCode()).isZero();
            assertThat(registry.requests).isEmpty();
            assertThat(result.out()).contains("orders.events-order.placed").contains("would be registered");
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Request(String path, String contentType, JsonNode body) {
    }

    /** A stub schema registry on a free loopback port: records each request, answers each with one status and body. */
    static final class Registry implements AutoCloseable {
        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        /** @param body the answer, {@code %d} replaced by the request's index (the id the stub gives) */
        Registry(int status, String body) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                int id = requests.size();
                requests.add(new Request(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
                byte[] answer = body.formatted(id).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
