package io.eventline.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debezium connector that captures the products table: its configuration is the file
 * {@code connect/catalog-source.json} (which a person can also PUT to a Connect cluster by hand), with
 * the database's address filled in, submitted through Connect's REST API. PUT .../config creates or
 * updates it, so submitting at every start is idempotent.
 */
public final class CatalogConnector {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogConnector.class);
    public static final String NAME = "eventline-catalog-source";
    static final String FILE = "connect/catalog-source.json";
    /** Debezium's topic: {@code <topic.prefix>.<schema>.<table>}. */
    public static final String CHANGES_TOPIC = "catalog.cdc.public.products";
    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI connect;

    /** @param connect the Connect REST API, e.g. {@code http://127.0.0.1:8083/} */
    public CatalogConnector(URI connect) {
        this.connect = connect;
    }

    /** The file's configuration with {@code database.*} pointing at {@code database}. */
    static ObjectNode config(PostgresAddress database) {
        ObjectNode config;
        try (InputStream in = CatalogConnector.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the class path");
            }
            config = (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        config.put("database.hostname", database.host());
        config.put("database.port", String.valueOf(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put("database.dbname", database.database());
        return config;
    }

    /**
     * Submits the configuration and waits until the connector and its task run. A worker that has just
     * started answers 409 until it has joined its group; that is waited out too, a refusal is not.
     */
    public void submit(PostgresAddress database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String body = Json.writeString(config(database));
        HttpResponse<String> answer = putConfig(body);
        while (worthRetrying(answer.statusCode()) && System.nanoTime() < deadline) {
            LOG.debug("Connect answered {} to the connector's config: {}", answer.statusCode(), answer.body());
            Thread.sleep(POLL.toMillis());
            answer = putConfig(body);
        }
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException("Kafka Connect at " + connect + " refused " + NAME + ": "
                    + answer.statusCode() + " " + answer.body());
        }
        awaitRunning(deadline);
        LOG.info("Connector {} runs on {}", NAME, connect);
    }

    /** 409 while the worker joins its group or rebalances, 5xx while it is busy; a 400 (a bad config) is final. */
    private static boolean worthRetrying(int status) {
        return status == 409 || status >= 500;
    }

    private HttpResponse<String> putConfig(String body) throws InterruptedException {
        return send(HttpRequest.newBuilder(connect.resolve("/connectors/" + NAME + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void awaitRunning(long deadline) throws InterruptedException {
        String state = status();
        while (!state.equals("RUNNING") && System.nanoTime() < deadline) {
            if (state.startsWith("FAILED")) {
                throw new IllegalStateException("connector " + NAME + " failed: " + state);
            }
            Thread.sleep(POLL.toMillis());
            state = status();
        }
        if (!state.equals("RUNNING")) {
            throw new IllegalStateException("connector " + NAME + " is not running in time: " + state);
        }
    }

    /** RUNNING once the connector and every task run; otherwise what is not, with Connect's trace if failed. */
    public String status() throws InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(connect.resolve("/connectors/" + NAME + "/status")).GET());
        if (answer.statusCode() != 200) {
            return "UNKNOWN (" + answer.statusCode() + ")";
        }
        JsonNode status;
        try {
            status = Json.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "UNKNOWN (unreadable status)";
        }
        String connector = status.path("connector").path("state").asText();
        if (!connector.equals("RUNNING")) {
            return connector + " " + status.path("connector").path("trace").asText("");
        }
        JsonNode tasks = status.path("tasks");
        if (tasks.isEmpty()) {
            return "NO TASKS";
        }
        for (JsonNode task : tasks) {
            if (!task.path("state").asText().equals("RUNNING")) {
                return task.path("state").asText() + " " + task.path("trace").asText("");
            }
        }
        return "RUNNING";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka Connect at " + connect + " did not answer", e);
        }
    }
}
