package io.eventline.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.contracts.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestWindowsTest {
    private static final long MINUTE = 60_000;

    private final Store store = new Store();
    private final LatestWindows latest = new LatestWindows(store, MINUTE);

    @Test
    void shouldReadAboutOneStoredOrderPerOrderWhenOrdersArriveInTimeOrder() {
        // 1,000 orders a second apart: each window holds 61 of them; adding each up anew reads ~60,000.
        for (int i = 0; i < 1_000; i++) {
            PlacedOrder order = order("EUR", "1.00", i * 1_000L);
            assertThat(place("alice", order)).as("order %d", i).isEqualTo(addedUpAnew("alice", order));
        }

        assertThat(store.read).isLessThanOrEqualTo(1_000 + 61);
    }

    @Test
    void shouldReadNothingWhenTheLatestWindowIsWhollyBehindTheOrder() {
        place("alice", order("EUR", "5.00", 0));
        int before = store.read;

        FraudFigures figures = place("alice", order("EUR", "7.00", MINUTE + 1));

        assertThat(store.read).isEqualTo(before);
        assertThat(figures).isEqualTo(new FraudFigures(1, amounts("EUR", "7.00"), MINUTE + 1));
    }

    @Test
    void shouldDropACurrencyOnceAllItsOrdersLeftTheWindow() {
        place("alice", order("USD", "0.00", 0));
        place("alice", order("EUR", "3.00", 30_000));

        FraudFigures figures = place("alice", order("EUR", "4.00", MINUTE + 10_000));

        assertThat(figures).isEqualTo(new FraudFigures(2, amounts("EUR", "7.00"), MINUTE + 10_000));
        assertThat(figures).isEqualTo(addedUpAnew("alice", store.orders("alice").getLast()));
    }

    @Test
    void shouldCountOrdersOfTheSameMillisecondOnce() {
        place("alice", order("EUR", "1.00", 5_000));

        FraudFigures figures = place("alice", order("EUR", "2.00", 5_000));

        assertThat(figures).isEqualTo(new FraudFigures(2, amounts("EUR", "3.00"), 5_000));
    }

    @Test
    void shouldChangeNothingWhenAnAmountOverflows() {
        place("alice", order("EUR", "1.00", 0));
        PlacedOrder huge = new PlacedOrder("EUR", new Money(Long.MAX_VALUE), 1_000);

        assertThatThrownBy(() -> latest.figures("alice", huge)).isInstanceOf(ArithmeticException.class);

        assertThat(place("alice", order("EUR", "2.00", 2_000)))
                .isEqualTo(new FraudFigures(2, amounts("EUR", "3.00"), 2_000));
    }

    @Test
    void shouldMoveEachWindowALateOrderChangesBackFromTheLatestReadingAboutAsManyOrdersAsItIsLateBy() {
        for (int i = 0; i < 200; i++) {
            place("alice", order("EUR", "1.00", i * 1_000L));
        }
        PlacedOrder late = order("USD", "5.00", 197_500); // before the orders at 198 and 199 s
        int before = store.read;

        Map<Long, FraudFigures> changed = latest.late("alice", late, List.of(197_500L, 198_000L, 199_000L));
        store.add("alice", late);

        assertThat(changed).containsOnlyKeys(197_500L, 198_000L, 199_000L);
        changed.forEach((end, figures) -> assertThat(figures).as("window ending at %d", end)
                .isEqualTo(addedUpAnew("alice", end)));
        assertThat(store.read - before).as("a window holds 61 orders").isLessThanOrEqualTo(6);
        assertThat(place("alice", order("EUR", "1.00", 200_000)))
                .isEqualTo(addedUpAnew("alice", store.orders("alice").getLast()));
    }

    @Test
    void shouldKnowOnlyWhatNoLaterStoredOrderCanChange() {
        place("alice", order("EUR", "1.00", 100_000));

        assertThat(latest.knownLatest("alice", 100_000)).isTrue();
        assertThat(latest.knownLatest("alice", 99_999)).isFalse();
        assertThat(latest.withinLatest("alice", 99_999)).isTrue();
        assertThat(latest.withinLatest("alice", 100_000 - MINUTE)).isTrue();
        assertThat(latest.withinLatest("alice", 100_000 - MINUTE - 1)).as("changes no window it knows").isFalse();
        assertThatThrownBy(() -> latest.figures("alice", order("EUR", "1.00", 99_999)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(latest.knows("bob")).isFalse();
    }

    @Test
    void shouldKeepAtMostItsLimitOfCustomersForgettingTheLeastRecentlySeen() {
        for (int i = 0; i <= LatestWindows.MAX_CUSTOMERS; i++) {
            place("c-" + i, order("EUR", "1.00", 0));
        }

        assertThat(latest.knownLatest("c-0", 1)).isFalse();
        assertThat(latest.knownLatest("c-1", 1)).isTrue();
        assertThat(latest.knownLatest("c-" + LatestWindows.MAX_CUSTOMERS, 1)).isTrue();
    }

    /** As WindowedAlerts does: the figures first, then the order stored. */
    private FraudFigures place(String customerId, PlacedOrder order) {
        FraudFigures figures = latest.figures(customerId, order);
        store.add(customerId, order);
        return figures;
    }

    /** The window ending at {@code order}: every stored order of the customer within it, and the order. */
    private FraudFigures addedUpAnew(String customerId, PlacedOrder order) {
        FraudFigures figures = FraudFigures.NONE.plus(order);
        for (PlacedOrder stored : store.orders(customerId)) {
            if (stored != order && stored.placedAt() >= order.placedAt() - MINUTE
                    && stored.placedAt() <= order.placedAt()) {
                figures = figures.plus(stored);
            }
        }
        return new FraudFigures(figures.orders(), figures.amount(), order.placedAt());
    }

    /** The window ending at {@code end}: every stored order of the customer within it. */
    private FraudFigures addedUpAnew(String customerId, long end) {
        FraudFigures figures = FraudFigures.NONE;
        for (PlacedOrder stored : store.orders(customerId)) {
            if (stored.placedAt() >= end - MINUTE && stored.placedAt() <= end) {
                figures = figures.plus(stored);
            }
        }
        return new FraudFigures(figures.orders(), figures.amount(), end);
    }

    private static PlacedOrder order(String currency, String total, long at) {
        return new PlacedOrder(currency, Money.of(new BigDecimal(total)), at);
    }

    private static TreeMap<String, Money> amounts(String currency, String amount) {
        return new TreeMap<>(Map.of(currency, Money.of(new BigDecimal(amount))));
    }

    /** Orders per customer by time, counting every order it hands out. */
    private static final class Store implements LatestWindows.StoredOrders {
        private final Map<String, List<PlacedOrder>> byCustomer = new TreeMap<>();
        int read;

        void add(String customerId, PlacedOrder order) {
            List<PlacedOrder> orders = byCustomer.computeIfAbsent(customerId, id -> new ArrayList<>());
            orders.add(order);
            orders.sort(Comparator.comparingLong(PlacedOrder::placedAt));
        }

        List<PlacedOrder> orders(String customerId) {
            return byCustomer.getOrDefault(customerId, List.of());
        }

        @Override
        public void forEach(String customerId, long from, long to, Consumer<PlacedOrder> action) {
            for (PlacedOrder order : orders(customerId)) {
                if (order.placedAt() >= from && order.placedAt() <= to) {
                    read++;
                    action.accept(order);
                }
            }
        }
    }
}
