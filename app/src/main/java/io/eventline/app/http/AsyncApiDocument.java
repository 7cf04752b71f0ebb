package io.eventline.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The AsyncAPI 3 document of the platform's topics, served at {@code GET /api/asyncapi.json}: written by
 * hand beside the code ({@code resources/api/asyncapi.json}), like the OpenAPI document, and held to the
 * topics the platform creates, the catalogues and the topologies by {@code AsyncApiDocumentTest}. What
 * only a running instance knows is put in when it starts: the build's version, the broker it runs on, and
 * the partitions and replicas of the topics.
 */
public final class AsyncApiDocument {
    public static final String PATH = "/api/asyncapi.json";
    static final String RESOURCE = "/api/asyncapi.json";

    private AsyncApiDocument() {
    }

    /** The document as written, read from the jar. */
    public static ObjectNode written() {
        try (InputStream in = Objects.requireNonNull(AsyncApiDocument.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return (ObjectNode) Json.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's AsyncAPI document is not readable JSON", e);
        }
    }

    /**
     * The document as this instance serves it.
     *
     * @param bootstrapServers the broker's {@code host:port} list: the server's host is its first, the
     *     description names them all
     * @param partitions the partition count of the topics this instance creates (existing ones keep theirs)
     * @param replicas the replicas per partition the cluster gave the topics, when all have as many
     *     (the cluster's default: Eventline leaves replication to it)
     */
    public static ObjectNode served(String version, String bootstrapServers, int partitions,
                                    Optional<Integer> replicas) {
        ObjectNode document = written();
        ((ObjectNode) document.get("info")).put("version", version);
        ObjectNode broker = (ObjectNode) document.get("servers").get("broker");
        broker.put("host", bootstrapServers.split(",")[0].trim());
        broker.put("description", "The Kafka cluster this Eventline runs on (bootstrap servers " + bootstrapServers
                + "): its embedded broker, or the one --bootstrap-servers names.");
        for (JsonNode channel : document.get("channels")) {
            ObjectNode kafka = (ObjectNode) channel.get("bindings").get("kafka");
            kafka.put("partitions", partitions);
            replicas.ifPresent(count -> kafka.put("replicas", count));
        }
        return document;
    }
}
