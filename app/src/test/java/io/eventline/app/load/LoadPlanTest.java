package io.eventline.app.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
    private static final LoadSettings SETTINGS = new LoadSettings(2_000, 100, 7, 5, 30, 42);

    @Test
    void shouldGiveEachCustomerTheFundsAndEachSkuTheStockItsOrdersNeedWhenPlanned() {
        LoadPlan plan = new LoadPlan(SETTINGS, "r");
        Map<String, Long> spent = new HashMap<>();
        Map<String, Long> reserved = new HashMap<>();
        for (int i = 0; i < SETTINGS.orders(); i++) {
            LoadPlan.Order order = plan.order(i);
            if (order.kind() != LoadPlan.Kind.NO_FUNDS) {
                spent.merge(order.customerId(), order.totalCents(), Long::sum);
            }
            if (order.kind() != LoadPlan.Kind.NO_STOCK) {
                order.items().forEach(item -> reserved.merge(item.sku(), (long) item.quantity(), Long::sum));
            }
        }
        plan.customers().stream().filter(c -> !c.id().equals("r-poor"))
                .forEach(c -> assertThat(c.depositCents()).as(c.id()).isEqualTo(spent.get(c.id())));
        assertThat(plan.stock()).isEqualTo(reserved).doesNotContainKey("r-none");
        assertThat(plan.customers()).filteredOn(c -> c.id().equals("r-poor")).singleElement()
                .satisfies(poor -> assertThat(poor.depositCents()).isEqualTo(1));
        assertThat(plan.customers()).filteredOn(c -> c.id().equals("r-aq")).singleElement()
                .satisfies(aq -> assertThat(aq.country()).isEqualTo("AQ"));
    }

    @Test
    void shouldMakeTheSameOrderEveryTimeWhenAskedTwice() {
        LoadPlan plan = new LoadPlan(SETTINGS, "r");
        assertThat(plan.order(17)).isEqualTo(plan.order(17));
        assertThat(new LoadPlan(SETTINGS, "r").order(1999).body()).isEqualTo(plan.order(1999).body());
    }

    @Test
    void shouldBuildAboutTheShareOfFailingOrdersAskedWhenFailuresAreSet() {
        LoadPlan plan = new LoadPlan(SETTINGS, "r");
        long failing = IntStream.range(0, SETTINGS.orders()).filter(i -> plan.order(i).kind() != LoadPlan.Kind.NORMAL)
                .count();
        assertThat(failing).isBetween(500L, 700L); // 30 % of 2,000, give or take the seed's luck
        LoadPlan none = new LoadPlan(new LoadSettings(500, 1, 3, 2, 0, 1), "n");
        assertThat(IntStream.range(0, 500).mapToObj(none::order)).allMatch(o -> o.kind() == LoadPlan.Kind.NORMAL);
    }

    @Test
    void shouldWriteAnOrderAsTheApiTakesItWhenPlaced() {
        LoadPlan.Order order = new LoadPlan.Order("r-o1", "r-c0", List.of(new LoadPlan.Item("r-s1", 2, 1005)),
                LoadPlan.Kind.NORMAL);
        assertThat(order.body()).isEqualTo("{\"orderId\":\"r-o1\",\"customerId\":\"r-c0\",\"items\":[{\"sku\":\"r-s1\","
                + "\"quantity\":2,\"price\":10.05}],\"currency\":\"EUR\"}");
    }

    @Test
    void shouldRefuseSettingsOutOfRangeWhenMade() {
        assertThatThrownBy(() -> new LoadSettings(0, 1, 1, 1, 0, 1)).hasMessageContaining("orders");
        assertThatThrownBy(() -> new LoadSettings(1, 10_001, 1, 1, 0, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new LoadSettings(1, 1, 1, 1, 101, 1)).hasMessageContaining("failures");
    }
}
