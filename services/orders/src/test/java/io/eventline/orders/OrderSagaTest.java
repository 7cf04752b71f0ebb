package io.eventline.orders;

import static io.eventline.orders.OrderFixtures.CUSTOMER;
import static io.eventline.orders.OrderFixtures.ID;
import static io.eventline.orders.OrderFixtures.ITEMS;
import static io.eventline.orders.OrderFixtures.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.eventline.core.decider.Reply;
import io.eventline.core.saga.Saga;
import io.eventline.core.saga.SagaInput;
import io.eventline.core.saga.SagaState;
import io.eventline.core.saga.SagaTransition;
import io.eventline.core.saga.SagaTransition.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order saga's definition on the pure saga: which commands, to whom, in which order. */
class OrderSagaTest {
    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    final Saga<OrderSaga.PlacedOrder> saga = new Saga<>(OrderSaga.definition());
    Optional<SagaState<OrderSaga.PlacedOrder>> state = Optional.empty();

    @Test
    void shouldTakePaymentThenReserveEverySkuThenScheduleTheShipmentThenShip() {
        assertThat(types(start())).containsExactly("accounts.commands payment.take");
        assertThat(types(reply(awaited(), "payment.taken")))
                .containsExactly("orders.commands order.confirm-payment", "inventory.commands stock.reserve",
                        "inventory.commands stock.reserve");
        List<Sent> reservations = last.sent().stream().filter(Sent::awaitsReply).toList();
        reply(reservations.get(0), "stock.reserved");
        assertThat(types(reply(reservations.get(1), "stock.reserved"))).containsExactly(
                "orders.commands order.confirm-stock", "orders.commands order.confirm-stock",
                "shipments.commands shipment.schedule");
        assertThat(types(reply(awaited(), "shipment.scheduled"))).containsExactly(
                "inventory.commands stock.ship", "inventory.commands stock.ship",
                "orders.commands order.confirm-shipment");
    }

    @Test
    void shouldCancelForInsufficientFundsWithNothingToUndo() {
        start();
        assertThat(types(reply(awaited(), "payment.failed"))).containsExactly("orders.commands order.cancel");
        assertThat(last.sent().getFirst().command().data().get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void shouldReleaseTheSkusThenRefundThenCancelWhenOneSkuIsShort() {
        start();
        reply(awaited(), "payment.taken");
        List<Sent> reservations = last.sent().stream().filter(Sent::awaitsReply).toList();
        assertThat(types(reply(reservations.get(0), "stock.reservation-failed")))
                .containsExactly("inventory.commands stock.release", "inventory.commands stock.release");
        List<Sent> releases = last.sent();
        reply(releases.get(0));
        assertThat(types(reply(releases.get(1)))).containsExactly("accounts.commands payment.refund");
        assertThat(types(reply(awaited()))).containsExactly("orders.commands order.cancel");
        assertThat(last.sent().getFirst().command().data().get("reason").asText()).isEqualTo("OUT_OF_STOCK");
    }

    private SagaTransition<OrderSaga.PlacedOrder> last;

    private SagaTransition<OrderSaga.PlacedOrder> start() {
        return apply(new SagaInput.Start<>(ID, new OrderSaga.PlacedOrder(ID, CUSTOMER, ITEMS, TOTAL), T));
    }

    private SagaTransition<OrderSaga.PlacedOrder> reply(Sent command, String... events) {
        return apply(new SagaInput.ReplyReceived<>(new Reply(command.commandId(), command.command().aggregateId(), 1,
                NullNode.getInstance(), List.of(events), null), T));
    }

    private SagaTransition<OrderSaga.PlacedOrder> apply(SagaInput<OrderSaga.PlacedOrder> input) {
        last = saga.react(input, state).orElseThrow();
        state = Optional.of(last.state());
        return last;
    }

    /** The (only) command of the last transition that awaits a reply. */
    private Sent awaited() {
        return last.sent().stream().filter(Sent::awaitsReply).findFirst().orElseThrow();
    }

    private static List<String> types(SagaTransition<OrderSaga.PlacedOrder> transition) {
        List<String> types = new ArrayList<>();
        transition.sent().forEach(sent -> types.add(sent.command().topic() + " " + sent.command().commandType()));
        return types;
    }
}
