package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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
    void shouldCommitAnApplicationOffTheSagasPathAtTheLongerOfItsIntervalAndTheOffPathOne() {
        var defaults = StreamsSettings.offThePath(StreamsSettings.exactlyOnce("eventline-notifications",
                Map.of("bootstrap.servers", "b:9092"), STATE));
        var chosen = StreamsSettings.offThePath(StreamsSettings.exactlyOnce("eventline-notifications",
                Map.of("bootstrap.servers", "b:9092", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20",
                        StreamsSettings.OFF_PATH_COMMIT_INTERVAL_MS_CONFIG, "1000"), STATE));
        var longer = StreamsSettings.offThePath(StreamsSettings.exactlyOnce("eventline-notifications",
                Map.of("bootstrap.servers", "b:9092", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "5000"), STATE));

        assertThat(new StreamsConfig(defaults).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(300);
        assertThat(new StreamsConfig(chosen).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000);
        assertThat(new StreamsConfig(longer).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(5000);
    }

    @Test
    void shouldLeaveAnApplicationOffTheSagasPathToItsTimerUnlessTheClientSettingsSayOtherwise() {
        var defaults = StreamsSettings.offThePath(StreamsSettings.exactlyOnce("eventline-notifications",
                Map.of("bootstrap.servers", "b:9092"), STATE));
        var chosen = StreamsSettings.offThePath(StreamsSettings.exactlyOnce("eventline-notifications",
                Map.of("bootstrap.servers", "b:9092", CommitWhenIdle.QUIET_MS_CONFIG, "5"), STATE));
        var onThePath = StreamsSettings.exactlyOnce("eventline-orders", Map.of("bootstrap.servers", "b:9092"), STATE);

        assertThat(quietMs(defaults)).isZero();
        assertThat(quietMs(chosen)).isEqualTo(5);
        assertThat(quietMs(onThePath)).isEqualTo(CommitWhenIdle.DEFAULT_QUIET_MS);
    }

    @Test
    void shouldKeepNoRecordCacheOnTheSagasPathUnlessTheClientSettingsNameOne() {
        Map<String, Object> clients = Map.of("bootstrap.servers", "b:9092");
        var onThePath = StreamsSettings.onThePath(StreamsSettings.exactlyOnce("eventline-orders", clients, STATE));
        Map<String, Object> cached = Map.of("bootstrap.servers", "b:9092",
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1048576");
        var chosen = StreamsSettings.onThePath(StreamsSettings.exactlyOnce("eventline-orders", cached, STATE));
        var offThePath = StreamsSettings.offThePath(StreamsSettings.exactlyOnce("eventline-notifications", clients,
                STATE));

        assertThat(cacheBytes(onThePath)).isZero();
        assertThat(cacheBytes(chosen)).isEqualTo(1_048_576L);
        assertThat(cacheBytes(offThePath)).isEqualTo(10L * 1024 * 1024); // Kafka Streams' default: it merges views
    }

    private static long cacheBytes(Properties props) {
        return new StreamsConfig(props).getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
    }

    @Test
    void shouldLetAServicesTasksProcessWhatTheyFetchedUnlessTheClientSettingsSayOtherwise() {
        Map<String, Object> clients = Map.of("bootstrap.servers", "b:9092");
        var service = StreamsSettings.forServices(StreamsSettings.exactlyOnce("eventline-orders", clients, STATE));
        Map<String, Object> waiting = Map.of("bootstrap.servers", "b:9092", StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "50");
        var chosen = StreamsSettings.forServices(StreamsSettings.exactlyOnce("eventline-orders", waiting, STATE));
        var readModel = StreamsSettings.exactlyOnce("eventline-projection-orders-view-v1", clients, STATE);

        assertThat(new StreamsConfig(service).getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
        assertThat(new StreamsConfig(chosen).getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(50L);
        assertThat(new StreamsConfig(readModel).getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isZero();
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
    void shouldRetryATransactionalRequestSoonUnlessTheClientSettingsSayOtherwise() {
        assertProducerSetting("retry.backoff.ms", StreamsSettings.TRANSACTION_RETRY_BACKOFF_MS, "50", "30");
    }

    @Test
    void shouldBatchUpTo128KbAPartitionUnlessTheClientSettingsSayOtherwise() {
        assertProducerSetting("batch.size", 131072, "32768", "65536");
    }

    // Eventline's default, then a value set for every client, then one set for the producers winning over it.
    private static void assertProducerSetting(String name, Object eventlineDefault, String everyClient,
                                              String forProducers) {
        var defaults = StreamsSettings.exactlyOnce("eventline-orders", Map.of("bootstrap.servers", "b:9092"), STATE);
        var clients = StreamsSettings.exactlyOnce("eventline-orders",
                Map.of("bootstrap.servers", "b:9092", name, everyClient), STATE);
        var producers = StreamsSettings.exactlyOnce("eventline-orders", Map.of("bootstrap.servers", "b:9092",
                name, everyClient, StreamsConfig.producerPrefix(name), forProducers), STATE);

        assertThat(producerSetting(defaults, name)).isEqualTo(eventlineDefault);
        assertThat(producerSetting(clients, name)).isEqualTo(everyClient);
        assertThat(producerSetting(producers, name)).isEqualTo(forProducers);
    }

    // What a stream thread's producer is configured with, as Kafka Streams derives it.
    private static Object producerSetting(Properties props, String name) {
        return new StreamsConfig(props).getProducerConfigs("client").get(name);
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

    private static long quietMs(Properties props) {
        Map<String, Object> configs = new HashMap<>();
        props.forEach((name, value) -> configs.put(name.toString(), value));
        return CommitWhenIdle.quietMs(configs);
    }
}
