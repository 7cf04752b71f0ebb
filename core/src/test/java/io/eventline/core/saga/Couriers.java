package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.Decider;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.saga.Purchases.CancelShipment;
import io.eventline.core.saga.Purchases.CourierCommand;
import io.eventline.core.saga.Purchases.Ship;
import java.util.List;

/**
 * The couriers of {@link Purchases} with a decider of their own, keyed by purchase id like the saga:
 * what a saga decides in place ({@link SagaTopology#inPlace}). Same name and commands as
 * {@link Purchases#COURIERS}, so the saga's commands are the same ones.
 */
final class Couriers {
    sealed interface CourierEvent permits Dispatched, Recalled {
    }

    record Dispatched(String purchaseId) implements CourierEvent {
    }

    record Recalled(String purchaseId) implements CourierEvent {
    }

    record Parcel(boolean dispatched) {
    }

    static final class CourierDecider implements Decider<CourierCommand, Parcel, CourierEvent> {
        @Override
        public Parcel initialState() {
            return new Parcel(false);
        }

        @Override
        public List<CourierEvent> decide(CourierCommand command, Parcel parcel) {
            return switch (command) {
                case Ship c -> parcel.dispatched() ? List.of() : List.of(new Dispatched(c.purchaseId()));
                case CancelShipment c -> parcel.dispatched() ? List.of(new Recalled(c.purchaseId())) : List.of();
            };
        }

        @Override
        public Parcel evolve(Parcel parcel, CourierEvent event) {
            return new Parcel(event instanceof Dispatched);
        }
    }

    static final Aggregate<CourierCommand, Parcel, CourierEvent> AGGREGATE = new Aggregate<>(
            Purchases.COURIERS.name(), new CourierDecider(), Purchases.COURIERS.commands(),
            Catalogue.of(CourierEvent.class).add("courier.dispatched", Dispatched.class)
                    .add("courier.recalled", Recalled.class).build(),
            Parcel.class);

    private Couriers() {
    }
}
