package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.Decider;
import io.eventline.core.decider.Rejection;
import io.eventline.core.envelope.Catalogue;
import java.util.List;

/** A toy aggregate for the saga's tests: stock of one sku, which refuses a reservation it cannot hold. */
final class Shelves {
    sealed interface ShelfCommand permits Stock, Reserve, Release {
    }

    record Stock(int quantity) implements ShelfCommand {
    }

    record Reserve(int quantity) implements ShelfCommand {
    }

    record Release(int quantity) implements ShelfCommand {
    }

    sealed interface ShelfEvent permits Stocked, Reserved, Released {
    }

    record Stocked(int quantity) implements ShelfEvent {
    }

    record Reserved(int quantity) implements ShelfEvent {
    }

    record Released(int quantity) implements ShelfEvent {
    }

    record Shelf(int available, int reserved) {
    }

    static final class ShelfDecider implements Decider<ShelfCommand, Shelf, ShelfEvent> {
        @Override
        public Shelf initialState() {
            return new Shelf(0, 0);
        }

        @Override
        public List<ShelfEvent> decide(ShelfCommand command, Shelf shelf) {
            return switch (command) {
                case Stock c -> List.of(new Stocked(c.quantity()));
                case Reserve c when shelf.available() < c.quantity() ->
                        throw new Rejection("shelf.short", "quantity", "not that many on the shelf");
                case Reserve c -> List.of(new Reserved(c.quantity()));
                case Release c when shelf.reserved() < c.quantity() -> List.of(); // never reserved: a no-op
                case Release c -> List.of(new Released(c.quantity()));
            };
        }

        @Override
        public Shelf evolve(Shelf shelf, ShelfEvent event) {
            return switch (event) {
                case Stocked e -> new Shelf(shelf.available() + e.quantity(), shelf.reserved());
                case Reserved e -> new Shelf(shelf.available() - e.quantity(), shelf.reserved() + e.quantity());
                case Released e -> new Shelf(shelf.available() + e.quantity(), shelf.reserved() - e.quantity());
            };
        }
    }

    static final Aggregate<ShelfCommand, Shelf, ShelfEvent> AGGREGATE = new Aggregate<>("shelves",
            new ShelfDecider(),
            Catalogue.of(ShelfCommand.class).add("shelf.stock", Stock.class).add("shelf.reserve", Reserve.class)
                    .add("shelf.release", Release.class).build(),
            Catalogue.of(ShelfEvent.class).add("shelf.stocked", Stocked.class).add("shelf.reserved", Reserved.class)
                    .add("shelf.released", Released.class).build(),
            Shelf.class);

    private Shelves() {
    }
}
