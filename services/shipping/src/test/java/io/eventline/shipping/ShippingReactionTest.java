package io.eventline.shipping;

import static io.eventline.shipping.ShipmentDeciderTest.CUSTOMER;
import static io.eventline.shipping.ShipmentDeciderTest.HOME;
import static io.eventline.shipping.ShipmentDeciderTest.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.contracts.shipments.CancelShipment;
import io.eventline.contracts.shipments.ScheduleShipment;
import io.eventline.core.reaction.Lookups;
import io.eventline.core.reaction.Routed;
import io.eventline.core.testing.TestEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShippingReactionTest {
    static final Instant T1 = Instant.parse("2026-11-22T10:00:00.000Z");
    static final List<OrderLine> ITEMS = List.of(new OrderLine("sku-a", 2, Money.of(new BigDecimal("9.99"))));
    static final CustomerUpdated ALICE = new CustomerUpdated(CUSTOMER, "Alice", "alice@example.com", HOME);

    final ShippingReaction reaction = new ShippingReaction();
    final Map<String, byte[]> customers = new HashMap<>();
    /** Shipping's copy of the customers topic; any other store is a mistake. */
    final Lookups lookups = (store, key) -> {
        assertThat(store).isEqualTo(ShippingService.CUSTOMERS_STORE);
        return Optional.ofNullable(customers.get(key));
    };

    @Test
    void shouldScheduleToTheCustomersAddressWhenTheOrderIsReserved() {
        customers.put(CUSTOMER, TestEvents.envelope(CustomerContracts.EVENTS, CUSTOMER, ALICE, T1));

        assertThat(reaction.react(new OrderReserved(ORDER, CUSTOMER, ITEMS), lookups))
                .containsExactly(new Routed<>(ORDER, new ScheduleShipment(ORDER, CUSTOMER, HOME)));
    }

    @Test
    void shouldScheduleWithNoAddressWhenTheCustomerIsUnknown() {
        assertThat(reaction.react(new OrderReserved(ORDER, CUSTOMER, ITEMS), lookups))
                .containsExactly(new Routed<>(ORDER, new ScheduleShipment(ORDER, CUSTOMER, null)));
    }

    @Test
    void shouldScheduleWithNoAddressWhenTheCustomerCannotBeRead() {
        customers.put(CUSTOMER, "{\"not\": \"an envelope\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(reaction.react(new OrderReserved(ORDER, CUSTOMER, ITEMS), lookups))
                .containsExactly(new Routed<>(ORDER, new ScheduleShipment(ORDER, CUSTOMER, null)));
    }

    @Test
    void shouldCancelTheShipmentWhenTheOrderIsCancelled() {
        assertThat(reaction.react(new OrderCancelled(ORDER, CUSTOMER, ITEMS, CancelReason.CANCELLED_BY_CUSTOMER), lookups))
                .containsExactly(new Routed<>(ORDER, new CancelShipment(ORDER, CUSTOMER)));
    }

    @ParameterizedTest
    @MethodSource("otherEvents")
    void shouldAskNothingWhenTheEventDoesNotConcernShipping(OrderEvent event) {
        assertThat(reaction.react(event, lookups)).isEmpty();
    }

    static Stream<OrderEvent> otherEvents() {
        Money total = Lines.total(ITEMS);
        return Stream.of(new OrderPlaced(ORDER, CUSTOMER, ITEMS, "EUR", total),
                new OrderPaid(ORDER, CUSTOMER, ITEMS, total),
                new OrderItemReserved(ORDER, CUSTOMER, "sku-a"),
                new OrderShipped(ORDER, CUSTOMER, ITEMS, "EUR", total));
    }
}
