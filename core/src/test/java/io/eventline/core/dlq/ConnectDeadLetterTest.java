package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A Kafka Connect sink's dead letter is listed with where it was read and why, and not replayed from here. */
class ConnectDeadLetterTest {
    @Test
    void shouldListASinksDeadLetterWithItsReasonAndNotReplayIt() {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "__connect.errors.topic", "catalog.sales");
        header(headers, "__connect.errors.partition", "3");
        header(headers, "__connect.errors.offset", "41");
        header(headers, "__connect.errors.connector.name", "eventline-reporting-sink");
        header(headers, "__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException");
        header(headers, "__connect.errors.exception.message", "quantity is not a whole number: \"two\"\n\tat …");
        ConsumerRecord<byte[], byte[]> letter = new ConsumerRecord<>("catalog.reporting.dlq", 0, 7, 1_000L,
                TimestampType.CREATE_TIME, 0, 0, new byte[0], new byte[0], headers, Optional.empty());

        DeadLetterEntry entry = DeadLetterEntry.of(letter).orElseThrow();

        assertThat(entry.id()).isEqualTo("catalog.reporting.dlq-0-7");
        assertThat(entry.topic() + "-" + entry.partition() + "@" + entry.offset()).isEqualTo("catalog.sales-3@41");
        assertThat(entry.reason()).isEqualTo("sink-failed");
        assertThat(entry.error()).isEqualTo("eventline-reporting-sink: DataException: quantity is not a whole number: \"two\"");
        assertThat(entry.replayable()).isFalse();
        assertThat(DeadLetterHeaders.isDeadLetters("__connect.errors.topic")).isTrue();
    }

    private static void header(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
