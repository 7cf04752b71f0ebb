package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class RestingClientsTest {
    @Test
    void aThreadRestsAfterTwoCommitIntervalsAndAPollWithoutRecordsASecondAtLeast() {
        assertThat(RestingClients.quiet(config(Map.of()))).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestingClients.quiet(config(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "2000"))))
                .isEqualTo(Duration.ofMillis(4_100));
    }

    @Test
    void restsTwoSecondsUnlessTheSettingsSayAndZeroTurnsItOff() {
        assertThat(RestingClients.rest(config(Map.of()))).isEqualTo(Duration.ofSeconds(2));
        assertThat(RestingClients.rest(config(Map.of(RestingClients.REST_MS_CONFIG, "0")))).isZero();
        assertThatThrownBy(() -> RestingClients.rest(config(Map.of(RestingClients.REST_MS_CONFIG, "-1"))))
                .hasMessageContaining(RestingClients.REST_MS_CONFIG);
    }

    private static StreamsConfig config(Map<String, Object> clientSettings) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put("bootstrap.servers", "b:9092");
        return new StreamsConfig(StreamsSettings.exactlyOnce("eventline-orders", settings, Path.of("state")));
    }
}
