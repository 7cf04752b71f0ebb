package io.eventline.bench.jmh;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.decider.Decider;
import io.eventline.orders.OrdersService;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The orders decider, pure: deciding a {@code PlaceOrder} and folding the event it yields. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeciderBenchmark {
    private Decider<OrderCommand, Object, OrderEvent> decider;
    private PlaceOrder place;
    private OrderEvent placed;

    @Setup
    @SuppressWarnings("unchecked") // the order's state type is the orders service's own
    public void setUp() {
        decider = (Decider<OrderCommand, Object, OrderEvent>) (Decider<OrderCommand, ?, OrderEvent>)
                OrdersService.AGGREGATE.decider();
        place = new PlaceOrder("o-1", "c-1", List.of(new OrderLine("sku-1", 2, Money.of(new BigDecimal("10.25")))),
                "EUR");
        placed = decider.decide(place, decider.initialState()).getFirst();
    }

    @Benchmark
    public List<OrderEvent> decide() {
        return decider.decide(place, decider.initialState());
    }

    @Benchmark
    public Object evolve() {
        return decider.evolve(decider.initialState(), placed);
    }

    @Benchmark
    public Object decideAndEvolve() {
        Object state = decider.initialState();
        for (OrderEvent event : decider.decide(place, state)) {
            state = decider.evolve(state, event);
        }
        return state;
    }
}
