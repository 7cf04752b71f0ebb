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
 * A connector of the catalog, submitted through Connect's REST API: the Debezium source that captures
 * the products table ({@code connect/catalog-source.json}) and the JDBC sink that writes the reporting
 * schema ({@code connect/reporting-sink.json}). Each configuration is a file a person can also PUT to a
 * Connect cluster by hand, with the database's address filled in. PUT .../config creates or updates it,
 * so submitting at every start is idempotent.
 */
public final class CatalogConnector {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogConnector.class);
    public static final String NAME = "eventline-catalog-source";
    /** The sink writing {@code reporting.sales} and {@code reporting.orders} in the catalog's PostgreSQL. */
    public static final String SINK_NAME = "eventline-reporting-sink";
    /** Where the sink sends what it cannot write, with Connect's error headers. */
    public static final String SINK_DLQ_TOPIC = "catalog.reporting.dlq";
    static final String FILE = "connect/catalog-source.json";
    static final String SINK_FILE = "connect/reporting-sink.json";
    /** Debezium's topic: {@code <topic.prefix>.<schema>.<table>}. */
    public static final String CHANGES_TOPIC = "catalog.cdc.public.products";
    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI connect;
    private final String name;
    private final boolean sink;

    /** The source. @param connect the Connect REST API, e.g. {@code http://127.0.0.1:8083/} */
    public CatalogConnector(URI connect) {
        this(connect, NAME, false);
    }

    private CatalogConnector(URI connect, String name, boolean sink) {
        this.connect = connect;
        this.name = name;
        this.sink = sink;
    }

    /** The reporting sink on the same Connect cluster. */
    public static CatalogConnector reportingSink(URI connect) {
        return new CatalogConnector(connect, SINK_NAME, true);
    }

    public String name() {
        return name;
    }

    /** The file's configuration with the database's address filled in. */
    ObjectNode config(PostgresAddress database) {
        return sink ? sinkConfig(database) : sourceConfig(database);
    }

    static ObjectNode sourceConfig(PostgresAddress database) {
        ObjectNode config = file(FILE);
        config.put("database.hostname", database.host());
        config.put("database.port", String.valueOf(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put("database.dbname", database.database());
        return config;
    }

    static ObjectNode sinkConfig(PostgresAddress database) {
        ObjectNode config = file(SINK_FILE);
        config.put("connection.url", database.jdbcUrl());
        config.put("connection.username", database.user());
        config.put("connection.password", database.password());
        return config;
    }

    private static ObjectNode file(String file) {
        try (InputStream in = CatalogConnector.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the class path");
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
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
            LOG.debug("Connect answered {} to {}'s config: {}", answer.statusCode(), name, answer.body());
            Thread.sleep(POLL.toMillis());
            answer = putConfig(body);
        }
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException("Kafka Connect at " + connect + " refused " + name + ": "
                    + answer.statusCode() + " " + answer.body());
        }
        awaitRunning(deadline);
        LOG.info("Connector {} runs on {}", name, connect);
    }

    /** 409 while the worker joins its group or rebalances, 5xx while it is busy; a 400 (a bad config) is final. */
    private static boolean worthRetrying(int status) {
        return status == 409 || status >= 500;
    }

    private HttpResponse<String> putConfig(String body) throws InterruptedException {
        return send(HttpRequest.newBuilder(connect.resolve("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void awaitRunning(long deadline) throws InterruptedException {
        String state = status();
        while (!state.equals("RUNNING") && System.nanoTime() < deadline) {
            if (state.startsWith("FAILED")) {
                throw new IllegalStateException("connector " + name + " failed: " + state);
            }
            Thread.sleep(POLL.toMillis());
            state = status();
        }
        if (!state.equals("RUNNING")) {
            throw new IllegalStateException("connector " + name + " is not running in time: " + state);
        }
    }

    /** RUNNING once the connector and every task run; otherwise what is not, with Connect's trace if failed. */
    public String status() throws InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(connect.resolve("/connectors/" + name + "/status")).GET());
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
