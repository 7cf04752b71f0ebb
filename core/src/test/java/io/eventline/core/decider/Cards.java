package io.eventline.core.decider;

import io.eventline.core.envelope.Catalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A punch card that punches each ticket once however often it is asked: an aggregate with one
 * {@link Entries entry} per ticket, without any domain of Eventline's.
 */
final class Cards {
    sealed interface CardCommand permits Punch, Top {
    }

    /** Punches {@code ticketId} for {@code points}, once. */
    record Punch(String ticketId, int points) implements CardCommand {
    }

    /** Adds points that belong to no ticket. */
    record Top(int points) implements CardCommand {
    }

    sealed interface CardEvent permits Punched, Topped {
    }

    record Punched(String ticketId, int points) implements CardEvent {
    }

    record Topped(int points) implements CardEvent {
    }

    record Ticket(int points) {
    }

    record Card(int points, Map<String, Ticket> tickets) {
        Card {
            tickets = Map.copyOf(tickets);
        }

        Card withTickets(Map<String, Ticket> next) {
            return new Card(points, next);
        }
    }

    static final class CardDecider implements Decider<CardCommand, Card, CardEvent> {
        @Override
        public Card initialState() {
            return new Card(0, Map.of());
        }

        @Override
        public List<CardEvent> decide(CardCommand command, Card card) {
            return switch (command) {
                case Punch c when card.tickets().containsKey(c.ticketId()) -> List.of();
                case Punch c -> List.of(new Punched(c.ticketId(), c.points()));
                case Top c -> List.of(new Topped(c.points()));
            };
        }

        @Override
        public Card evolve(Card card, CardEvent event) {
            return switch (event) {
                case Punched e -> {
                    Map<String, Ticket> tickets = new HashMap<>(card.tickets());
                    tickets.put(e.ticketId(), new Ticket(e.points()));
                    yield new Card(card.points() + e.points(), tickets);
                }
                case Topped e -> new Card(card.points() + e.points(), card.tickets());
            };
        }

        static Optional<String> ticketOf(CardCommand command) {
            return switch (command) {
                case Punch c -> Optional.of(c.ticketId());
                case Top c -> Optional.empty();
            };
        }
    }

    static final Aggregate<CardCommand, Card, CardEvent> AGGREGATE = new Aggregate<>("cards", new CardDecider(),
            Catalogue.of(CardCommand.class).add("card.punch", Punch.class).add("card.top", Top.class).build(),
            Catalogue.of(CardEvent.class).add("card.punched", Punched.class).add("card.topped", Topped.class).build(),
            Card.class).withEntries(new Entries<>(Ticket.class, CardDecider::ticketOf, Card::tickets,
                    Card::withTickets));

    private Cards() {
    }
}
