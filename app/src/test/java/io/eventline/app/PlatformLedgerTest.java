package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link PlatformLedger} lists every order the platform holds, also when one answer cannot hold them all. */
class PlatformLedgerTest {
    private final Scenario scenario = Scenario.generate(1, 50, 20, PlatformLedger.PAGE);

    @Test
    void shouldListAnOrderBeyondTheScenarioWhenTheFirstPageIsFull() {
        List<String[]> held = new ArrayList<>(); // orderId, customerId: the scenario's and one more
        scenario.orders().forEach(o -> held.add(new String[] {o.id(), o.customerId()}));
        held.add(new String[] {"o-extra", scenario.customers().getFirst().id()});
        try (FakeApi fake = new FakeApi((method, path) -> new FakeApi.Answer(200, list(held, path)))) {
            Map<String, ?> listed = new PlatformLedger(fake.api(), scenario, Map.of()).listOrders();

            assertThat(listed).hasSize(PlatformLedger.PAGE + 1).containsKey("o-extra");
        }
    }

    @Test
    void shouldFailWhenACustomersPageIsFull() {
        List<String[]> held = new ArrayList<>();
        for (int i = 0; i < PlatformLedger.PAGE + 5; i++) {
            held.add(new String[] {"o-" + i, "c-0"});
        }
        try (FakeApi fake = new FakeApi((method, path) -> new FakeApi.Answer(200, list(held, path)))) {
            assertThatThrownBy(() -> new PlatformLedger(fake.api(), scenario, Map.of()).listOrders())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("c-0's orders fit in one page");
        }
    }

    /** {@code GET /api/orders[?customerId=C]&limit=N}, as the API answers it: at most N. */
    private static String list(List<String[]> held, String path) {
        String customer = path.contains("customerId=") ? path.replaceAll(".*customerId=([^&]*).*", "$1") : null;
        int limit = Integer.parseInt(path.replaceAll(".*limit=([0-9]+).*", "$1"));
        return held.stream().filter(o -> customer == null || o[1].equals(customer)).limit(limit)
                .map(o -> "{\"orderId\":\"" + o[0] + "\",\"customerId\":\"" + o[1] + "\",\"status\":\"PLACED\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
