package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

class RestoreConsumerTest {
    private static final Map<String, Object> CLIENT = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

    @Test
    void aFetchWaitsTenMillisecondsAtTheBrokerUnlessTheSettingsSay() {
        assertThat(RestoreConsumer.settings(CLIENT)).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10)
                .containsAllEntriesOf(CLIENT);
        assertThat(RestoreConsumer.settings(Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 300)))
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 300);
    }

    @Test
    void aPollBlocksTenMillisecondsAtMost() {
        assertThat(RestoreConsumer.shortened(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(10));
        assertThat(RestoreConsumer.shortened(Duration.ofMillis(3))).isEqualTo(Duration.ofMillis(3));
        assertThat(RestoreConsumer.shortened(Duration.ZERO)).isZero();
    }

    @Test
    void aPollOfNothingReturnsWithinItsShortenedWait() {
        try (RestoreConsumer consumer = new RestoreConsumer(CLIENT)) {
            consumer.assign(List.of(new TopicPartition("changelog", 0))); // of a broker that never answers
            long started = System.nanoTime();
            assertThat(consumer.poll(Duration.ofSeconds(5)).isEmpty()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void anApplicationWithStandbysRestoresWithKafkasOwnConsumer() {
        try (var quick = RestingClients.restoreConsumer(CLIENT, false);
             var plain = RestingClients.restoreConsumer(CLIENT, true)) {
            assertThat(quick).isInstanceOf(RestoreConsumer.class);
            assertThat(plain).isExactlyInstanceOf(KafkaConsumer.class);
        }
    }
}
