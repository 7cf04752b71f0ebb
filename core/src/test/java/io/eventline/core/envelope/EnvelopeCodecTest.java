package io.eventline.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
    static final EventEnvelope ENVELOPE = new EventEnvelope(
            UUID.fromString("6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11"), "thing.happened", 1,
            Instant.parse("2026-11-22T10:15:30Z"), "thing-1",
            Json.mapper().createObjectNode().put("size", 3),
            new EventMetadata("corr-1", "cause-1", "things"));

    @Test
    void shouldWriteTheEnvelopeOfApiMdWithMillisecondTimestamps() {
        String json = new String(EnvelopeCodec.toBytes(ENVELOPE), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"eventId\":\"6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11\","
                + "\"eventType\":\"thing.happened\",\"version\":1,\"timestamp\":\"2026-11-22T10:15:30.000Z\","
                + "\"aggregateId\":\"thing-1\",\"data\":{\"size\":3},"
                + "\"metadata\":{\"correlationId\":\"corr-1\",\"causationId\":\"cause-1\",\"source\":\"things\"}}");
    }

    @Test
    void shouldWriteTheBytesOfItsTreeWithoutBuildingIt() {
        EventEnvelope money = new EventEnvelope(ENVELOPE.eventId(), "money.moved", 2, ENVELOPE.timestamp(), "m-1",
                Json.mapper().createObjectNode().put("amount", new java.math.BigDecimal("100.00"))
                        .put("note", "naïve \"quoted\"").putNull("none"),
                new EventMetadata("corr-1", "cause-é", "money"));

        assertThat(new String(EnvelopeCodec.toBytes(money), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(EnvelopeCodec.toTree(money)), StandardCharsets.UTF_8))
                .contains("\"amount\":100.00", "\"none\":null");
    }

    @Test
    void shouldReadWhatItWrites() {
        assertThat(EnvelopeCodec.fromBytes(EnvelopeCodec.toBytes(ENVELOPE))).isEqualTo(ENVELOPE);
    }

    @Test
    void shouldRepeatTheEnvelopeAndTheCloudEventsBindingInHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : EnvelopeCodec.headers(ENVELOPE)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("eventId", "6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11"),
                Map.entry("eventType", "thing.happened"),
                Map.entry("version", "1"),
                Map.entry("correlationId", "corr-1"),
                Map.entry("causationId", "cause-1"),
                Map.entry("source", "things"),
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11"),
                Map.entry("ce_type", "thing.happened"),
                Map.entry("ce_source", "things"),
                Map.entry("ce_time", "2026-11-22T10:15:30.000Z")));
    }

    @Test
    void shouldNameWhatIsWrongWithAMalformedEnvelope() {
        assertMalformed("not json", "not JSON");
        assertMalformed("[]", "JSON object");
        assertMalformed(valid().replace("\"eventType\":\"thing.happened\",", ""), "eventType: missing");
        assertMalformed(valid().replace("\"version\":1", "\"version\":\"1\""), "version");
        assertMalformed(valid().replace("\"version\":1", "\"version\":0"), "version");
        assertMalformed(valid().replace("6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11", "nope"), "UUID");
        assertMalformed(valid().replace("2026-11-22T10:15:30.000Z", "yesterday"), "timestamp");
        assertMalformed(valid().replace("{\"eventId\"", "{\"extra\":1,\"eventId\""), "extra: unknown field");
        assertMalformed(valid().replace("\"source\":\"things\"", "\"source\":\"things\",\"x\":1"),
                "metadata.x: unknown field");
        assertThatThrownBy(() -> EnvelopeCodec.fromBytes(null)).isInstanceOf(MalformedEnvelopeException.class);
    }

    private static String valid() {
        return new String(EnvelopeCodec.toBytes(ENVELOPE), StandardCharsets.UTF_8);
    }

    private static void assertMalformed(String value, String message) {
        assertThatThrownBy(() -> EnvelopeCodec.fromBytes(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class).hasMessageContaining(message);
    }
}
