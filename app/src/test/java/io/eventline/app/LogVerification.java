package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventline.app.verify.LogVerifier;
import io.eventline.app.verify.Snapshots;
import io.eventline.app.verify.Verdict;
import io.eventline.contracts.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The end of a run that waited for every order to end: the log verifier over the whole log, at rest
 * and against the snapshots the API shows; what the log says was deposited and added against what the
 * client sent; and the mail files, one per order of a customer with an address.
 */
final class LogVerification {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LogVerification() {
    }

    /**
     * Verifies the log until it is clean, or fails naming the violations: a snapshot read while the
     * last transaction commits may be one event ahead of the log, which a new read settles; a
     * violation written in the log stays there.
     */
    static Verdict assertClean(String label, String bootstrapServers, TestApi api) {
        long began = System.nanoTime();
        AtomicReference<Verdict> last = new AtomicReference<>();
        await(label + ": a clean log").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Verdict verdict = LogVerifier.verify(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    Optional.of(snapshots(api)), true, PATIENCE);
            last.set(verdict);
            assertThat(verdict.violations()).as("%s: the log verifier's verdict%n%s", label, verdict.summary(20))
                    .isEmpty();
        });
        System.out.printf("%s: log verified in %.1f s%n%s", label, (System.nanoTime() - began) / 1e9,
                last.get().summary(20));
        return last.get();
    }

    /**
     * What the log holds against what the client sent, every deposit and stock addition acknowledged:
     * each exactly once; and every order placed once, with the outcome the API shows.
     */
    static void assertAsSent(String label, Verdict verdict, Scenario scenario, Map<String, Long> outcomesShown) {
        Map<String, List<Money>> deposits = new TreeMap<>();
        scenario.customers().forEach(c -> deposits.put(c.id(), List.of(Money.of(new BigDecimal(c.deposit())))));
        assertThat(new TreeMap<>(verdict.deposits())).as("%s: deposits in the log, each acknowledged one once", label)
                .isEqualTo(deposits);
        Map<String, List<Integer>> stock = new TreeMap<>();
        scenario.skus().stream().filter(s -> s.stock() > 0).forEach(s -> stock.put(s.id(), List.of(s.stock())));
        assertThat(new TreeMap<>(verdict.stockAdded())).as("%s: stock added in the log, each acknowledged once", label)
                .isEqualTo(stock);
        assertThat(verdict.outcomes().keySet()).as("%s: the orders placed in the log", label)
                .isEqualTo(scenario.orders().stream().map(Scenario.Order::id).collect(Collectors.toSet()));
        assertThat(verdict.ordersByOutcome()).as("%s: outcomes in the log and in the API", label)
                .isEqualTo(new TreeMap<>(outcomesShown));
    }

    /**
     * One mail file per order whose customer has an address (an unknown customer is sent none), in
     * the mail directories of every notifications instance. Each is named after its event id: the
     * same name in two directories is one mail tried again by another instance after a kill.
     *
     * @return how many files repeat a name found in another directory
     */
    static int assertOneMailPerOrder(String label, Scenario scenario, List<Path> mailDirs) {
        Set<String> addressed = new HashSet<>();
        scenario.customers().stream().filter(c -> c.address() != Scenario.AddressKind.NONE)
                .forEach(c -> addressed.add(c.id()));
        long expected = scenario.orders().stream().filter(o -> addressed.contains(o.customerId())).count();
        List<String> files = new ArrayList<>();
        await(label + ": " + expected + " mail files").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    files.clear();
                    mailDirs.forEach(dir -> files.addAll(mailFiles(dir)));
                    assertThat(new HashSet<>(files)).as("%s: one mail per order with an address", label)
                            .hasSize((int) expected);
                });
        return files.size() - new HashSet<>(files).size();
    }

    private static List<String> mailFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the API shows for an aggregate with a snapshot; 404: none, version 0. */
    private static Snapshots snapshots(TestApi api) {
        return (topic, id) -> Snapshots.path(topic, id).map(path -> {
            HttpResponse<String> response = api.get(path);
            if (response.statusCode() == 404) {
                return OptionalLong.of(0);
            }
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return OptionalLong.of(TestApi.parse(response.body()).path("version").asLong());
        }).orElse(OptionalLong.empty());
    }
}
