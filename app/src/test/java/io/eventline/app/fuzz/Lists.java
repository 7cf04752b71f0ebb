package io.eventline.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The reads that list or filter: {@code GET /api/orders}, {@code /api/notifications},
 * {@code /api/fraud/alerts}, {@code /api/analytics/sales}, each with one filter malformed and, for
 * orders, maybe a valid one beside it.
 */
final class Lists {
    private Lists() {
    }

    static Arbitrary<FuzzRequest> of(Known known) {
        return Arbitraries.oneOf(
                param("/api/orders", "status", Queries.invalidStatus(), "customerId=" + known.customerId()),
                param("/api/orders", "customerId", Queries.invalidId(), "status=SHIPPED"),
                param("/api/orders", "limit", Queries.invalidLimit(), "status=PLACED"),
                param("/api/notifications", "orderId", Queries.invalidId(), null),
                param("/api/fraud/alerts", "customerId", Queries.invalidId(), null),
                param("/api/analytics/sales", "sku", Queries.invalidId(), "from=2020-01-01T00:00:00Z"),
                param("/api/analytics/sales", "from", Queries.invalidInstant(), "sku=" + known.sku()),
                param("/api/analytics/sales", "to", Queries.invalidInstant(), "from=2020-01-01T00:00:00Z"),
                Arbitraries.of("2030-01-01T00:00:00Z", "9999-12-31T23:59:59Z").map(from -> FuzzRequest.of(
                        "bad-query-param", "GET", "/api/analytics/sales?" + Paths.query("from", from) + "&"
                                + Paths.query("to", "2029-01-01T00:00:00Z"), Expectation.field(400, "from"))));
    }

    private static Arbitrary<FuzzRequest> param(String path, String name, Arbitrary<String> values, String valid) {
        return Combinators.combine(values, Arbitraries.of(true, false)).as((value, withValid) -> {
            List<String> params = new ArrayList<>(List.of(Paths.query(name, value)));
            if (withValid && valid != null) {
                params.add(valid);
            }
            return FuzzRequest.of("bad-query-param", "GET", path + Queries.join(params), Expectation.field(400, name));
        });
    }
}
