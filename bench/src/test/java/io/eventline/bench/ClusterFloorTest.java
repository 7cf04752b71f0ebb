package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterFloorTest {
    @Test
    void shouldPrintOneRowPerPacedRateWithItsP99InTheColumnClusterBenchReads() {
        // scripts/cluster-bench.sh finds the row by "| <rate>/s |" and takes the p99 from its third column.
        ClusterFloor.Run run = new ClusterFloor.Run("127.0.0.1:19092", 100, new SequentialOrders(20, 146.9, 245.6, 0),
                new Throughput(2_139, Duration.ofSeconds(1)), new Throughput(2_048, Duration.ofSeconds(1)),
                List.of(new ClusterFloor.Paced(10, new LatencySummary(10, 60, 278.5, 624.1, 630.0, 631.5, 0)),
                        new ClusterFloor.Paced(200, new LatencySummary(200, 1_200, 661.5, 1_279.0, 1_321.0, 1_322.0, 2))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ClusterFloor.print(run, new Plan(20, List.of(100)), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList())
                .contains("sustained: 2048 orders/s (2139 shipped/s in a burst)",
                        "| 10/s | 278.5 ms | 624.1 ms | 630.0 ms | 631.5 ms | 0 |",
                        "| 200/s | 661.5 ms | 1279.0 ms | 1321.0 ms | 1322.0 ms | 2 |");
    }
}
