package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
    private static final Path STATE = Path.of("state");

    @Test
    void shouldCommitEvery100MsWhenTheClientSettingsNameNoInterval() {
        var props = StreamsSettings.exactlyOnce("eventline-orders", Map.of("bootstrap.servers", "b:9092"), STATE);

        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100);
    }

    @Test
    void shouldTakeTheCommitIntervalWhenTheClientSettingsNameOne() {
        var props = StreamsSettings.exactlyOnce("eventline-orders",
                Map.of("bootstrap.servers", "b:9092", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20"), STATE);

        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("20");
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldUseTransactionalStateStoresOnlyWhenTheClientSettingsTurnThemOn() {
        var defaults = StreamsSettings.exactlyOnce("eventline-orders", Map.of("bootstrap.servers", "b:9092"), STATE);
        var on = StreamsSettings.exactlyOnce("eventline-orders",
                Map.of("bootstrap.servers", "b:9092", StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "true"), STATE);

        assertThat(new StreamsConfig(defaults).getBoolean(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isFalse();
        assertThat(new StreamsConfig(on).getBoolean(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isTrue();
    }

    @Test
    void shouldWatchTheMainConsumersPollsAfterTheClientSettingsOwnInterceptors() {
        String key = StreamsConfig.mainConsumerPrefix("interceptor.classes");
        var plain = StreamsSettings.exactlyOnce("eventline-orders", Map.of("bootstrap.servers", "b:9092"), STATE);
        var theirs = StreamsSettings.exactlyOnce("eventline-orders",
                Map.of("bootstrap.servers", "b:9092", "interceptor.classes", "com.example.Audit"), STATE);

        assertThat(plain.get(key)).isEqualTo(CommitWhenIdle.PollWatcher.class.getName());
        assertThat(theirs.get(key)).isEqualTo("com.example.Audit," + CommitWhenIdle.PollWatcher.class.getName());
    }
}
