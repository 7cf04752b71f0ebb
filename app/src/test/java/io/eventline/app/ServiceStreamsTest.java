package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.tracing.Tracing;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStreamsTest {
    private static final Map<String, Object> CLIENTS = Map.of("bootstrap.servers", "127.0.0.1:9092");

    @TempDir
    Path dataDir;

    @Test
    void aServiceOnTheSagasPathKeepsNoRecordCacheAndOneOffItCommitsOnItsLongerTimerWithOne() {
        StreamsConfig onThePath = new StreamsConfig(settings("accounts-inventory-orders-shipping", false));
        StreamsConfig offThePath = new StreamsConfig(settings("notifications-analytics-fraud", true));

        assertThat(onThePath.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isZero();
        assertThat(onThePath.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS);
        assertThat(offThePath.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isPositive();
        assertThat(offThePath.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(StreamsSettings.DEFAULT_OFF_PATH_COMMIT_INTERVAL_MS);
    }

    private Properties settings(String service, boolean offTheSagaPath) {
        return ServiceStreams.settings(service, offTheSagaPath, CLIENTS, dataDir, "127.0.0.1:8080",
                ProcessingObserver.NONE, Tracing.headersOnly());
    }
}
