package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.Notify;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.reaction.Lookups;
import io.eventline.core.reaction.Routed;
import io.eventline.core.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OrderOutcomeReactionTest {
    static final List<OrderLine> ITEMS = List.of(new OrderLine("tea", 2, new Money(1025)));
    static final byte[] ALICE = TestEvents.envelope(CustomerContracts.EVENTS, "alice", new CustomerUpdated(
            "alice", "Alice", "alice@example.com", new Address("1 High St", "Bath", "BA1", "GB")),
            Instant.parse("2026-11-22T09:00:00Z"));

    final OrderOutcomeReaction reaction = new OrderOutcomeReaction();
    final Lookups customers = store(Map.of("alice", ALICE));

    @Test
    void shouldNotifyTheShipmentToTheCustomersEmailWhenTheOrderShipped() {
        var commands = reaction.react(
                new OrderShipped("o-1", "alice", ITEMS, "EUR", new Money(2050)), customers);

        assertThat(commands).containsExactly(
                new Routed<>("o-1", new Notify("o-1", "alice", "SHIPPED", null, "alice@example.com")));
    }

    @Test
    void shouldNotifyTheReasonWhenTheOrderWasCancelled() {
        var commands = reaction.react(
                new OrderCancelled("o-2", "alice", ITEMS, CancelReason.OUT_OF_STOCK), customers);

        assertThat(commands).containsExactly(
                new Routed<>("o-2", new Notify("o-2", "alice", "CANCELLED", "OUT_OF_STOCK", "alice@example.com")));
    }

    @Test
    void shouldNotifyWithoutAnAddressWhenTheCustomerIsUnknown() {
        var commands = reaction.react(new OrderShipped("o-3", "bob", ITEMS, "EUR", new Money(2050)), customers);

        assertThat(commands).extracting(routed -> ((Notify) routed.command()).to()).containsOnlyNulls();
    }

    @Test
    void shouldNotifyWithoutAnAddressWhenTheCustomerRecordIsUnreadable() {
        Lookups broken = store(Map.of("alice", "{not json".getBytes(StandardCharsets.UTF_8)));

        var commands = reaction.react(new OrderShipped("o-4", "alice", ITEMS, "EUR", new Money(2050)), broken);

        assertThat(commands).extracting(routed -> ((Notify) routed.command()).to()).containsOnlyNulls();
    }

    @ParameterizedTest
    @MethodSource("nonTerminal")
    void shouldAskNothingWhenTheOrderIsNotOver(OrderEvent event) {
        List<Routed<NotificationCommand>> commands = reaction.react(event, customers);

        assertThat(commands).isEmpty();
    }

    static Stream<OrderEvent> nonTerminal() {
        return Stream.of(
                new OrderPlaced("o-5", "alice", ITEMS, "EUR", new Money(2050)),
                new OrderPaid("o-5", "alice", ITEMS, new Money(2050)),
                new OrderItemReserved("o-5", "alice", "tea"),
                new OrderReserved("o-5", "alice", ITEMS));
    }

    /** Lookups over one store, the copy of every customer; asking another is a test failure. */
    static Lookups store(Map<String, byte[]> customers) {
        return (store, key) -> {
            assertThat(store).isEqualTo(NotificationsService.CUSTOMERS_STORE);
            return Optional.ofNullable(customers.get(key));
        };
    }
}
