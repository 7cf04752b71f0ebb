package io.eventline.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    private static final LoadSettings SETTINGS = new LoadSettings(20_000, 500, 20, 10, 5, 1L);
    private static final LoadProgress DONE = new LoadProgress("load-x", LoadProgress.Phase.FINISHED, 20_000, 500,
            20_000, 19_990, 10, Map.of("SHIPPED", 18_990L, "INSUFFICIENT_FUNDS", 1_000L), 40.5, 493.6,
            new Percentiles(19_990, 41.2, 88.0, 130.5, 410.0, 612.3), Percentiles.NONE, "order o-9 had no outcome");

    @Test
    void shouldShowEveryFigureWhenTheLoadHasEnded() {
        String table = LoadReport.table(DONE, SETTINGS, "http://127.0.0.1:8080");

        assertThat(table).contains("20,000 orders at 500/s").contains("493.6").contains("130.5").contains("410.0")
                .contains("612.3").contains("INSUFFICIENT_FUNDS").contains("18,990").contains("errors")
                .contains("order o-9 had no outcome");
        assertThat(table.indexOf("INSUFFICIENT_FUNDS")).as("outcomes sorted by name").isLessThan(table.indexOf("SHIPPED"));
    }

    @Test
    void shouldFillTheBarByOrdersDoneWhenRunning() {
        LoadProgress halfway = new LoadProgress("load-x", LoadProgress.Phase.PLACING, 100, 10, 60, 50, 0, Map.of(),
                6, 8.3, new Percentiles(50, 10, 20, 1500, 1500, 1500), Percentiles.NONE, null);

        assertThat(LoadReport.progressLine(halfway)).startsWith("[" + "#".repeat(12) + "·".repeat(12) + "]")
                .contains("60/100 sent").contains("50 done").contains("p99 1.50 s").contains("placing");
    }

    @Test
    void shouldPutTheSameFiguresInJsonWhenAsked() {
        Map<String, Object> json = LoadReport.json(DONE, SETTINGS, "http://127.0.0.1:8080");

        assertThat(json).containsEntry("ordersPerSecond", 493.6).containsEntry("errors", 10L)
                .containsEntry("failurePercent", 5);
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = (Map<String, Object>) json.get("latencyMillis");
        assertThat(latency).containsEntry("p999", 410.0).containsEntry("count", 19_990);
    }
}
