package io.eventline.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader accepts exactly what reading the tree first accepted ({@link EnvelopeCodec#fromTree}),
 * and names what is wrong the same way: over the valid envelope and each way of breaking it.
 */
class EnvelopeReaderTest {
    private static final String VALID = new String(EnvelopeCodec.toBytes(EnvelopeCodecTest.ENVELOPE),
            StandardCharsets.UTF_8);

    @Test
    void shouldReadAsTheTreeReadsEveryEnvelopeGoodOrBroken() {
        for (String document : documents()) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            Object byTree = outcome(() -> EnvelopeCodec.fromTree(Json.readTree(bytes)));
            Object inOnePass = outcome(() -> EnvelopeCodec.fromBytes(bytes));
            if (byTree instanceof String treeError && treeError.startsWith("not JSON")) {
                assertThat(inOnePass).as(document).asString().startsWith("not JSON");
            } else {
                assertThat(inOnePass).as(document).isEqualTo(byTree);
            }
        }
    }

    @Test
    void shouldGiveTheAggregateIdOfWhatItReadsAndRefuseWhatItRefuses() {
        for (String document : documents()) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            Object envelope = outcome(() -> EnvelopeCodec.fromBytes(bytes));
            Object aggregateId = outcome(() -> EnvelopeCodec.aggregateIdOf(bytes));
            assertThat(aggregateId).as(document).isEqualTo(envelope instanceof EventEnvelope read
                    ? read.aggregateId() : envelope);
        }
    }

    @Test
    void shouldRefuseNoValue() {
        assertThat(outcome(() -> EnvelopeCodec.fromBytes(null))).asString().contains("no value");
        assertThat(outcome(() -> EnvelopeCodec.aggregateIdOf(null))).asString().contains("no value");
    }

    /** What reading gave: the envelope (or id), or the message of what it threw for a malformed one. */
    private static Object outcome(Reading reading) {
        try {
            return reading.read();
        } catch (MalformedEnvelopeException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "not JSON: " + e.getMessage();
        }
    }

    private interface Reading {
        Object read() throws IOException;
    }

    private static List<String> documents() {
        List<String> documents = new ArrayList<>(List.of(VALID, "", " ", "not json", "[]", "[1,", "1", "null",
                "\"text\"", "{}", VALID + " ", VALID + " {}", VALID + "x", VALID.substring(0, VALID.length() - 1),
                VALID.replace("{\"eventId\"", "{\"extra\":{\"a\":[1,2]},\"eventId\""),
                VALID.replace("{\"eventId\"", "{\"extra\":1,\"other\":2,\"eventId\""),
                VALID.replace("\"source\":\"things\"", "\"source\":\"things\",\"x\":1"),
                VALID.replace("{\"eventId\"", "{\"eventType\":\"again\",\"eventId\""),
                VALID.replace("\"size\":3", "\"size\":3,\"size\":4"),
                VALID.replace("\"version\":1", "\"version\":\"1\""),
                VALID.replace("\"version\":1", "\"version\":0"),
                VALID.replace("\"version\":1", "\"version\":1.5"),
                VALID.replace("\"version\":1", "\"version\":1.0"),
                VALID.replace("\"version\":1", "\"version\":99999999999"),
                VALID.replace("\"version\":1", "\"version\":null"),
                VALID.replace("\"data\":{\"size\":3}", "\"data\":[1]"),
                VALID.replace("\"data\":{\"size\":3}", "\"data\":null"),
                VALID.replace("\"data\":{\"size\":3}", "\"data\":{}"),
                VALID.replace("\"data\":{\"size\":3}", "\"data\":{\"nested\":{\"deep\":[{\"x\":1.50}]}}"),
                VALID.replace("6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11", "nope"),
                VALID.replace("\"6f1c2a9e-8a43-4d8b-9a57-0c2f5e9b1d11\"", "{\"id\":1}"),
                VALID.replace("2026-11-22T10:15:30.000Z", "yesterday"),
                VALID.replace("\"aggregateId\":\"thing-1\"", "\"aggregateId\":7"),
                VALID.replace("\"metadata\":{", "\"metadata\":[],\"ignored\":{"),
                VALID.replace("\"correlationId\":\"corr-1\",", ""),
                VALID.replace("\"correlationId\":\"corr-1\"", "\"correlationId\":null")));
        for (String field : List.of("eventId", "eventType", "version", "timestamp", "aggregateId", "data",
                "metadata")) {
            documents.add(without(VALID, field));
            documents.add(VALID.replaceFirst("\"" + field + "\":(\\{[^}]*}|\"[^\"]*\"|\\d+)", "\"" + field
                    + "\":null"));
            documents.add(VALID.replaceFirst("\"" + field + "\":(\\{[^}]*}|\"[^\"]*\"|\\d+)", "\"" + field
                    + "\":true"));
        }
        return documents;
    }

    /** The document without one top-level field (its value a string, a number or a flat object). */
    private static String without(String document, String field) {
        return document.replaceFirst("\"" + field + "\":(\\{[^}]*}|\"[^\"]*\"|\\d+),?", "").replace(",}", "}");
    }
}
