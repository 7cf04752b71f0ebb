package io.eventline.core.decider;

import io.eventline.core.envelope.Catalogue;
import java.util.List;

/** A tiny aggregate that exercises the runtime without any domain of Eventline's. */
final class Counters {
    sealed interface CounterCommand permits Add {
    }

    record Add(int by) implements CounterCommand {
    }

    sealed interface CounterEvent permits Added, ReachedTen {
    }

    record Added(int by) implements CounterEvent {
    }

    record ReachedTen() implements CounterEvent {
    }

    record Counter(int value) {
    }

    static final class CounterDecider implements Decider<CounterCommand, Counter, CounterEvent> {
        @Override
        public Counter initialState() {
            return new Counter(0);
        }

        @Override
        public List<CounterEvent> decide(CounterCommand command, Counter counter) {
            return switch (command) {
                case Add c when c.by() <= 0 -> throw new Rejection("counter.not-positive", "by", "add at least 1");
                case Add c when counter.value() < 10 && counter.value() + c.by() >= 10 ->
                        List.of(new Added(c.by()), new ReachedTen());
                case Add c -> List.of(new Added(c.by()));
            };
        }

        @Override
        public Counter evolve(Counter counter, CounterEvent event) {
            return switch (event) {
                case Added e -> new Counter(counter.value() + e.by());
                case ReachedTen e -> counter;
            };
        }
    }

    static final Aggregate<CounterCommand, Counter, CounterEvent> AGGREGATE = new Aggregate<>("counters",
            new CounterDecider(),
            Catalogue.of(CounterCommand.class).add("counter.add", Add.class).build(),
            Catalogue.of(CounterEvent.class).add("counter.added", Added.class)
                    .add("counter.reached-ten", ReachedTen.class).build(),
            Counter.class);

    private Counters() {
    }
}
