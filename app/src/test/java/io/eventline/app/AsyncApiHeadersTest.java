package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.http.AsyncApiDocument;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.HopStamp;
import io.eventline.core.tracing.TraceParent;
import io.eventline.core.tracing.Tracing;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The record headers the AsyncAPI document describes are those the code writes: the envelope's and the
 * CloudEvents binding's on every event ({@link EnvelopeCodec#headers}), the trace's on every command,
 * reply and decided event ({@link Hop#stamp}).
 */
class AsyncApiHeadersTest {
    private final JsonNode document = AsyncApiDocument.written();

    @Test
    void shouldDocumentTheHeadersEveryEventRecordCarries() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "order.placed", 1, Instant.now(), "o-1",
                Json.mapper().createObjectNode(), new EventMetadata("o-1", "c-1", "orders"));
        Map<String, String> written = Arrays.stream(EnvelopeCodec.headers(envelope).toArray())
                .collect(Collectors.toMap(Header::key, header -> new String(header.value())));
        JsonNode headers = document.path("components").path("messageTraits").path("event").path("headers");

        Set<String> documented = new TreeSet<>();
        headers.path("properties").properties().forEach(header -> documented.add(header.getKey()));
        Set<String> traced = new TreeSet<>(written.keySet());
        traced.addAll(stamped().keySet()); // a decided event's, a customer's; not the catalog's
        assertThat(documented).containsExactlyInAnyOrderElementsOf(traced);
        assertThat(headers.path("required").valueStream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(headers.path("properties").path("ce_specversion").path("const").asText())
                .isEqualTo(written.get("ce_specversion"));
        assertThat(written).containsKey("correlationId");
        assertThat(document.at("/components/messageTraits/event/correlationId/location").asText())
                .isEqualTo("$message.header#/correlationId");
    }

    @Test
    void shouldDocumentTheTraceHeadersEveryCommandReplyAndDecidedEventCarries() {
        Map<String, String> stamped = stamped();
        JsonNode headers = document.at("/components/schemas/traceHeaders");

        Set<String> documented = new TreeSet<>();
        headers.path("properties").properties().forEach(header -> documented.add(header.getKey()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(stamped.keySet());
        assertThat(headers.path("required").valueStream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrder(TraceParent.HEADER, HopStamp.HEADER);
        document.path("components").path("messages").properties().stream()
                .filter(message -> message.getValue().path("summary").asText().contains("command envelope")
                        || message.getKey().equals("reply"))
                .forEach(message -> assertThat(message.getValue().at("/headers/$ref").asText()).as(message.getKey())
                        .isEqualTo("#/components/schemas/traceHeaders"));
    }

    /** The headers a hop puts on what it writes, when the flow it continues has a trace state too. */
    private static Map<String, String> stamped() {
        Headers read = new RecordHeaders();
        read.add(TraceParent.HEADER, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes());
        read.add(TraceParent.STATE_HEADER, "vendor=1".getBytes());
        try (Hop hop = Tracing.headersOnly().hop("orders", "orders-decide", "orders.commands", read)) {
            return Arrays.stream(hop.stamp(new RecordHeaders()).toArray())
                    .collect(Collectors.toMap(Header::key, header -> new String(header.value())));
        }
    }
}
