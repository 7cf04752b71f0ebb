package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.StreamsSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reason codes read from the exceptions the envelope and the catalogue throw; names and ids. */
class DeadLetterReasonTest {
    @Test
    void shouldTellAnUnknownTypeFromAnUnknownVersionWhenTheCatalogueRefusesBoth() {
        var data = Json.mapper().createObjectNode().put("tallyId", "t1");

        assertThat(DeadLetterReason.of(catchRuntimeException(() -> Tallies.BELLS.decode("bell.melted", 1, data))))
                .isEqualTo(DeadLetterReason.UNKNOWN_TYPE);
        assertThat(DeadLetterReason.of(catchRuntimeException(() -> Tallies.BELLS.decode("bell.rang", 2, data))))
                .isEqualTo(DeadLetterReason.UNSUPPORTED_VERSION);
        assertThat(DeadLetterReason.of(catchRuntimeException(() -> Tallies.BELLS.decode("bell.rang", 1,
                Json.mapper().createObjectNode().put("tallyId", 3).put("extra", 1)))))
                .isEqualTo(DeadLetterReason.MALFORMED_DATA);
        assertThat(DeadLetterReason.of(catchRuntimeException(() ->
                EnvelopeCodec.fromBytes("{".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(DeadLetterReason.UNREADABLE);
        assertThat(DeadLetterReason.of(new IllegalStateException("bug"))).isEqualTo(DeadLetterReason.PROCESSING_FAILED);
    }

    @ParameterizedTest
    @CsvSource({
            "eventline-orders, orders.dlq",
            "eventline-projection-orders-view-v1, orders-view.dlq",
            "eventline-projection-orders-view-v12, orders-view.dlq",
            "test-counters, test-counters.dlq"})
    void shouldNameTheDeadLetterTopicAfterTheApplicationWhenGivenItsId(String applicationId, String topic) {
        assertThat(StreamsSettings.deadLetterTopic(applicationId)).isEqualTo(topic);
    }

    @ParameterizedTest
    @CsvSource({"orders.dlq-3-17, orders.dlq, 3, 17", "orders-view.dlq-0-0, orders-view.dlq, 0, 0"})
    void shouldFindTheDeadLetterAnIdNamesWhenTheIdIsWellFormed(String id, String queue, int partition, long offset) {
        assertThat(DeadLetterEntry.Location.of(id)).contains(new DeadLetterEntry.Location(queue, partition, offset));
        assertThat(DeadLetterEntry.Location.of(id).orElseThrow().id()).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource({"orders.events-3-17", "orders.dlq-3", "orders.dlq-x-1", "orders.dlq--1-2"})
    void shouldNameNoDeadLetterWhenTheIdIsMalformed(String id) {
        assertThat(DeadLetterEntry.Location.of(id)).isEmpty();
    }
}
