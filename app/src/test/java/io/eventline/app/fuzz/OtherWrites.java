package io.eventline.app.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The writes that are not a body's field: an order with too many items or too large a total, a
 * cancel or delete of a malformed id, a cancel of an unknown order, a rebuild of an unknown read
 * model, and writes refused by the state (409: short funds, an order id taken, a shipped order
 * cancelled), which go through Kafka and change nothing.
 */
final class OtherWrites {
    private OtherWrites() {
    }

    static Arbitrary<FuzzRequest> of(Known known) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, tooManyItems(known)),
                Tuple.of(4, totalTooLarge(known)),
                Tuple.of(6, Values.invalidPathId().map(id -> FuzzRequest.of("bad-path-id", "POST",
                        "/api/orders/" + Paths.segment(id) + "/cancel", Expectation.field(400, "orderId")))),
                Tuple.of(6, Values.invalidPathId().map(id -> FuzzRequest.of("bad-path-id", "DELETE",
                        "/api/customers/" + Paths.segment(id), Expectation.field(400, "customerId")))),
                Tuple.of(2, Values.unknownId().map(id -> FuzzRequest.of("unknown-order-cancel", "POST",
                        "/api/orders/" + id + "/cancel", Expectation.status(404)))),
                Tuple.of(2, Values.validId().filter(name -> !known.projections().contains(name))
                        .map(name -> FuzzRequest.of("unknown-projection", "POST", "/api/projections/" + name
                                + "/rebuild", Expectation.status(404)))),
                Tuple.of(1, Values.validMoney("1000000000").filter(amount -> exceeds(amount, known.balance()))
                        .map(amount -> json(FuzzRequest.of("conflict", "POST", "/api/accounts/" + known.customerId()
                                + "/withdrawals", Expectation.status(409)), "{\"amount\":" + amount.render() + "}"))),
                Tuple.of(1, conflictingOrder(known)),
                Tuple.of(1, Arbitraries.just(FuzzRequest.of("conflict", "POST", "/api/orders/" + known.orderId()
                        + "/cancel", Expectation.status(409)))));
    }

    private static Arbitrary<FuzzRequest> tooManyItems(Known known) {
        return Combinators.combine(Bodies.items(known, 101, 150), Arbitraries.of(true, false)).as((items, empty) ->
                order("too-many-items", known, empty ? List.of() : items, "items"));
    }

    /** Lines each in range whose total is over the maximum, up to overflowing a long of cents. */
    private static Arbitrary<FuzzRequest> totalTooLarge(Known known) {
        Arbitrary<Doc> large = Combinators.combine(Arbitraries.of(known.sku(), "nx-sku"),
                Arbitraries.integers().between(10_000, 1_000_000),
                Arbitraries.integers().between(100_001, 1_000_000_000)).as((sku, quantity, price) ->
                Bodies.item(sku, Doc.raw(Integer.toString(quantity)), Doc.raw(Integer.toString(price))));
        return large.list().ofMinSize(1).ofMaxSize(100).map(items -> order("total-too-large", known, items, "items"));
    }

    /** The known order's id with other content: refused (409), and the known order stays as it is. */
    private static Arbitrary<FuzzRequest> conflictingOrder(Known known) {
        Arbitrary<Doc> item = Combinators.combine(Values.unknownId(), Values.validQuantity(100),
                Values.validMoney("100.00")).as(Bodies::item);
        return item.list().ofMinSize(1).ofMaxSize(3).map(items -> {
            Sample sample = Bodies.orderSample(Optional.of(known.orderId()), known.customerId(), items, "EUR");
            return json(FuzzRequest.of("conflict", "POST", "/api/orders", Expectation.status(409)),
                    sample.body().render());
        });
    }

    private static FuzzRequest order(String kind, Known known, List<Doc> items, String field) {
        Sample sample = Bodies.orderSample(Optional.empty(), known.customerId(), new ArrayList<>(items), "EUR");
        return json(FuzzRequest.of(kind, "POST", "/api/orders", Expectation.field(400, field)), sample.body().render());
    }

    private static FuzzRequest json(FuzzRequest request, String body) {
        return request.withBody("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean exceeds(Doc amount, String balance) {
        return new BigDecimal(amount.render()).compareTo(new BigDecimal(balance)) > 0;
    }
}
