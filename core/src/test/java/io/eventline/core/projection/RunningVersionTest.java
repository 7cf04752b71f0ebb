package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class RunningVersionTest {
    private final RunningVersion.Launcher launcher = new RunningVersion.Launcher(ProjectionIndexTest.LAST_TYPE,
            Map.of("bootstrap.servers", "b:9092", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"), Map.of(),
            Path.of("state"), Optional.empty(), new ViewChanges());

    @Test
    void shouldCommitTheServingVersionOffTheSagasPathAndAVersionCatchingUpAtTheServicesInterval() {
        assertThat(new StreamsConfig(launcher.settings(1, false)).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(300);
        assertThat(new StreamsConfig(launcher.settings(2, true)).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(100);
    }
}
