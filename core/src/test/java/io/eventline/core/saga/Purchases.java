package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.Decider;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.saga.Shelves.Release;
import io.eventline.core.saga.Shelves.Reserve;
import io.eventline.core.saga.Wallets.Charge;
import io.eventline.core.saga.Wallets.Refund;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A toy saga over the toy aggregates: charge the wallet, reserve every item (one command per sku), ship.
 * The purchases and couriers aggregates only name command topics here: no decider runs for them, so
 * the tests read their commands and answer the couriers' replies themselves.
 */
final class Purchases {
    static final String EVENTS_TOPIC = "purchases.events";
    static final Duration SHIP_TIMEOUT = Duration.ofSeconds(10);

    record Item(String sku, int quantity) {
    }

    record Purchase(String purchaseId, String walletId, long amount, List<Item> items) {
        Purchase {
            items = List.copyOf(items);
        }
    }

    sealed interface PurchaseEvent permits Placed, Cancelled {
    }

    record Placed(String purchaseId, String walletId, long amount, List<Item> items) implements PurchaseEvent {
    }

    record Cancelled(String purchaseId, String reason) implements PurchaseEvent {
    }

    sealed interface PurchaseCommand permits MarkPaid, Complete, Fail {
    }

    record MarkPaid() implements PurchaseCommand {
    }

    record Complete() implements PurchaseCommand {
    }

    record Fail(String reason) implements PurchaseCommand {
    }

    sealed interface CourierCommand permits Ship, CancelShipment {
    }

    record Ship(String purchaseId) implements CourierCommand {
    }

    record CancelShipment(String purchaseId) implements CourierCommand {
    }

    record Inert() {
    }

    /** A decider that never runs here: the aggregate only lends its command topic and catalogue. */
    static <C, E> Decider<C, Inert, E> inert() {
        return new Decider<>() {
            @Override
            public Inert initialState() {
                return new Inert();
            }

            @Override
            public List<E> decide(C command, Inert state) {
                return List.of();
            }

            @Override
            public Inert evolve(Inert state, E event) {
                return state;
            }
        };
    }

    static final Catalogue<PurchaseEvent> EVENTS = Catalogue.of(PurchaseEvent.class)
            .add("purchase.placed", Placed.class).add("purchase.cancelled", Cancelled.class).build();

    static final Aggregate<PurchaseCommand, Inert, PurchaseEvent> PURCHASES = new Aggregate<>("purchases", inert(),
            Catalogue.of(PurchaseCommand.class).add("purchase.mark-paid", MarkPaid.class)
                    .add("purchase.complete", Complete.class).add("purchase.fail", Fail.class).build(),
            EVENTS, Inert.class);

    static final Aggregate<CourierCommand, Inert, PurchaseEvent> COURIERS = new Aggregate<>("couriers", inert(),
            Catalogue.of(CourierCommand.class).add("courier.ship", Ship.class)
                    .add("courier.cancel", CancelShipment.class).build(),
            EVENTS, Inert.class);

    static final SagaStep<Purchase> CHARGE = SagaStep.<Purchase>of("charge",
                    p -> List.of(SagaCommand.of(Wallets.AGGREGATE, p.walletId(), new Charge(p.amount()))))
            .succeededWhen(reply -> reply.appended("wallet.charged"))
            .failsWith("CHARGE_DECLINED")
            .compensatedBy("charge.refund",
                    p -> List.of(SagaCommand.of(Wallets.AGGREGATE, p.walletId(), new Refund(p.amount()))))
            .onDoneSend(p -> List.of(SagaCommand.of(PURCHASES, p.purchaseId(), new MarkPaid())));

    static final SagaStep<Purchase> RESERVE = SagaStep.<Purchase>of("reserve", p -> p.items().stream()
                    .map(item -> SagaCommand.of(Shelves.AGGREGATE, item.sku(), new Reserve(item.quantity()))).toList())
            .failsWith("OUT_OF_STOCK")
            .compensatedBy("reserve.release", p -> p.items().stream()
                    .map(item -> SagaCommand.of(Shelves.AGGREGATE, item.sku(), new Release(item.quantity()))).toList());

    static final SagaStep<Purchase> SHIP = SagaStep.<Purchase>of("ship",
                    p -> List.of(SagaCommand.of(COURIERS, p.purchaseId(), new Ship(p.purchaseId()))))
            .timesOutAfter(SHIP_TIMEOUT)
            .compensatedBy("ship.cancel",
                    p -> List.of(SagaCommand.of(COURIERS, p.purchaseId(), new CancelShipment(p.purchaseId()))));

    static final SagaDefinition<Purchase> SAGA = new SagaDefinition<>("purchase-saga", Purchase.class,
            List.of(CHARGE, RESERVE, SHIP),
            p -> List.of(SagaCommand.of(PURCHASES, p.purchaseId(), new Complete())),
            (p, reason) -> List.of(SagaCommand.of(PURCHASES, p.purchaseId(), new Fail(reason))));

    static final SagaTriggers<Purchase> TRIGGERS = SagaTriggers.<Purchase>none()
            .startOn(EVENTS_TOPIC, EVENTS, event -> event instanceof Placed p
                    ? Optional.of(new Purchase(p.purchaseId(), p.walletId(), p.amount(), p.items()))
                    : Optional.empty())
            .abortOn(EVENTS_TOPIC, EVENTS, event -> event instanceof Cancelled c
                    ? Optional.of(c.reason()) : Optional.empty());

    private Purchases() {
    }
}
