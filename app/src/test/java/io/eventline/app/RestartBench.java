package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.app.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long {@code ./eventline run} takes to be ready again after SIGKILL on a data dir holding
 * {@code bench.orders} orders, with Kafka Streams' transactional state stores off (the default: every
 * store wiped and restored from its changelog) and on (meant to reopen each store at its checkpoint
 * and restore the tail only), in one run. Not in the default test run:
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -pl app test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=RestartBench -Dbench.orders=20000}.
 */
@Tag("bench")
class RestartBench {
    private static final Pattern RESTORED = Pattern.compile("(\\d+) records restored so far");

    @TempDir
    Path workDir;

    record Restart(boolean transactionalStores, Duration cold, Duration afterKill, long restored) {
        @Override
        public String toString() {
            return String.format("transactional state stores %-3s: cold start %.1f s, ready again after SIGKILL in "
                    + "%.1f s, %,d records restored from changelogs", transactionalStores ? "on" : "off",
                    cold.toMillis() / 1e3, afterKill.toMillis() / 1e3, restored);
        }
    }

    @Test
    @Timeout(3600)
    void shouldTimeARestartAfterSigkillWithAndWithoutTransactionalStateStores() throws Exception {
        int orders = Integer.getInteger("bench.orders", 20_000);
        int rate = Integer.getInteger("bench.rate", 400);
        List<Restart> restarts = new ArrayList<>();
        for (boolean transactional : List.of(false, true)) {
            restarts.add(restart(workDir.resolve(transactional ? "on" : "off"), transactional, orders, rate));
            System.out.println("RestartBench: " + restarts.getLast());
        }
        System.out.printf("RestartBench: %,d orders placed at %d/s by ./eventline load, then kill -9, on %d cores, "
                        + "load average %s%n", orders, rate, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        restarts.forEach(restart -> System.out.println("RestartBench: " + restart));
    }

    private static Restart restart(Path dir, boolean transactional, int orders, int rate) throws IOException {
        Files.createDirectories(dir);
        Path kafkaConfig = dir.resolve("kafka.properties");
        Files.writeString(kafkaConfig, "enable.transactional.statestores=" + transactional + "\n");
        try (EventlineProcess eventline = EventlineProcess.on(dir, List.of("--kafka-config", kafkaConfig.toString()))) {
            Duration cold = eventline.start();
            String url = "http://127.0.0.1:" + eventline.httpPort();
            Cli.Result load = Cli.execute("load", "--url", url, "--orders", Integer.toString(orders), "--rate",
                    Integer.toString(rate), "--seed", "15", "--json");
            assertThat(load.exitCode()).as("load: %s", load.err()).isZero();
            TestApi api = new TestApi(eventline.httpPort());
            List<String> before = aggregates(api);

            eventline.kill();
            Duration afterKill = eventline.start();
            long restored = restoredIn(eventline.lastLog());
            // Every wallet and stock level as before, at the same version: nothing lost or rolled back.
            assertThat(aggregates(api)).isEqualTo(before);
            return new Restart(transactional, cold, afterKill, restored);
        }
    }

    /**
     * The load's customers' wallets and skus' stock, as the API answers them: the load names them
     * {@code <load>-c0…c19} and {@code <load>-s0…s9}, {@code <load>} as in its orders' ids.
     */
    private static List<String> aggregates(TestApi api) {
        String orderId = api.json("/api/orders?limit=1").get(0).get("orderId").asText();
        String load = orderId.substring(0, orderId.lastIndexOf("-o"));
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            states.add(api.json("/api/accounts/" + load + "-c" + i).toString());
        }
        for (int i = 0; i < 10; i++) {
            states.add(api.json("/api/inventory/" + load + "-s" + i).toString());
        }
        return states;
    }

    /** The records every application restored, from the RUNNING lines of the log (one per application). */
    private static long restoredIn(Path log) throws IOException {
        Matcher matcher = RESTORED.matcher(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1));
        long restored = 0;
        while (matcher.find()) {
            restored += Long.parseLong(matcher.group(1));
        }
        return restored;
    }
}
