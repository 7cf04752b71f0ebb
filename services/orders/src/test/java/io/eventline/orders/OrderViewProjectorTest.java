package io.eventline.orders;

import static io.eventline.orders.OrderFixtures.CAKE_RESERVED;
import static io.eventline.orders.OrderFixtures.CUSTOMER;
import static io.eventline.orders.OrderFixtures.ID;
import static io.eventline.orders.OrderFixtures.ITEMS;
import static io.eventline.orders.OrderFixtures.PAID;
import static io.eventline.orders.OrderFixtures.PLACED;
import static io.eventline.orders.OrderFixtures.RESERVED;
import static io.eventline.orders.OrderFixtures.TEA_RESERVED;
import static io.eventline.orders.OrderFixtures.TOTAL;
import static io.eventline.orders.OrderFixtures.cancelled;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderViewProjectorTest {
    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    final OrderViewProjector projector = new OrderViewProjector();

    @Test
    void shouldFoldAShippedOrderWithItsSteps() {
        OrderSummary view = fold(PLACED, PAID, TEA_RESERVED, CAKE_RESERVED, RESERVED,
                new OrderShipped(ID, CUSTOMER, ITEMS, "EUR", TOTAL));
        assertThat(view.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(view.total()).isEqualTo(TOTAL);
        assertThat(view.steps()).extracting(OrderView.Step::step, OrderView.Step::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payment", "DONE"),
                        org.assertj.core.groups.Tuple.tuple("stock", "DONE"),
                        org.assertj.core.groups.Tuple.tuple("shipment", "DONE"));
    }

    @Test
    void shouldShowTheFailedStepAndTheReasonOfACancelledOrder() {
        OrderSummary view = fold(PLACED, PAID, cancelled(CancelReason.OUT_OF_STOCK));
        assertThat(view.reason()).isEqualTo(CancelReason.OUT_OF_STOCK);
        assertThat(view.steps()).extracting(OrderView.Step::step, OrderView.Step::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payment", "DONE"),
                        org.assertj.core.groups.Tuple.tuple("stock", "FAILED"));
    }

    @Test
    void shouldMarkTheFirstStepNotDoneWhenTimedOut() {
        OrderSummary view = fold(PLACED, PAID, cancelled(CancelReason.TIMED_OUT));
        assertThat(view.steps().getLast()).extracting(OrderView.Step::step, OrderView.Step::outcome)
                .containsExactly("stock", "TIMED_OUT");
    }

    @Test
    void shouldKeyViewsByOrderAndIgnoreOtherTopicsEvents() {
        var placed = EnvelopeCodec.fromBytes(TestEvents.envelope(OrderContracts.EVENTS, ID, PLACED, T));
        assertThat(projector.keyOf(placed)).contains(ID);
        var foreign = new io.eventline.core.envelope.EventEnvelope(placed.eventId(), "stock.added", 1, T, "tea",
                placed.data(), placed.metadata());
        assertThat(projector.keyOf(foreign)).isEmpty();
    }

    private OrderSummary fold(OrderEvent... events) {
        OrderSummary view = projector.initial();
        for (OrderEvent event : List.of(events)) {
            view = projector.apply(view, EnvelopeCodec.fromBytes(TestEvents.envelope(OrderContracts.EVENTS, ID, event, T)));
        }
        return view;
    }
}
