package io.eventline.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Malformed reads: a keyed GET with a malformed key, or a valid key (known or unknown) with one
 * query parameter malformed, or an unknown key (404); and the list reads with a malformed filter.
 */
final class ReadRequests {
    private ReadRequests() {
    }

    /** A keyed read: {@code path} has {@code %s} where the key goes. */
    record Keyed(String path, String idField, String knownId, boolean asOf, boolean minVersion, boolean waits,
                 boolean absentIs404) {
    }

    /**
     * The reads by key. An unknown account or sku is not asked for: its 404 comes only after the read
     * model's 5 s wait for a write to show (ProjectionRunner.await), which would only slow the run.
     */
    static List<Keyed> keyed(Known known) {
        return List.of(
                new Keyed("/api/accounts/%s", "customerId", known.customerId(), true, true, false, false),
                new Keyed("/api/inventory/%s", "sku", known.sku(), true, true, false, false),
                new Keyed("/api/orders/%s", "orderId", known.orderId(), true, true, true, true),
                new Keyed("/api/customers/%s", "customerId", known.customerId(), false, false, false, true),
                new Keyed("/api/shipments/%s", "orderId", known.orderId(), false, false, false, true),
                new Keyed("/api/accounts/%s/events", "customerId", known.customerId(), false, false, false, false),
                new Keyed("/api/inventory/%s/events", "sku", known.sku(), false, false, false, false),
                new Keyed("/api/orders/%s/events", "orderId", known.orderId(), false, false, false, false),
                new Keyed("/api/projections/%s", null, null, false, false, false, true));
    }

    static Arbitrary<FuzzRequest> of(Known known) {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(keyed(known)).flatMap(read -> keyedRead(read, known))),
                Tuple.of(4, Lists.of(known)));
    }

    private static Arbitrary<FuzzRequest> keyedRead(Keyed read, Known known) {
        if (read.idField() == null) {
            return Values.validId().filter(name -> !known.projections().contains(name)).map(name ->
                    FuzzRequest.of("absent", "GET", read.path().formatted(name), Expectation.status(404)));
        }
        List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> faults = new ArrayList<>();
        faults.add(Tuple.of(3, Values.invalidPathId().map(id -> FuzzRequest.of("bad-path-id", "GET",
                read.path().formatted(Paths.segment(id)), Expectation.field(400, read.idField())))));
        if (read.absentIs404()) {
            faults.add(Tuple.of(1, Values.unknownId().map(id -> FuzzRequest.of("absent", "GET",
                    read.path().formatted(id), Expectation.status(404)))));
        }
        if (read.asOf() || read.minVersion() || read.waits()) {
            faults.add(Tuple.of(4, badParameter(read)));
        }
        return Arbitraries.frequencyOf(faults);
    }

    /** One parameter malformed; the others absent or valid, so that the answer must name the one. */
    private static Arbitrary<FuzzRequest> badParameter(Keyed read) {
        List<String> names = new ArrayList<>();
        if (read.asOf()) {
            names.add("asOf");
        }
        if (read.minVersion()) {
            names.add("minVersion");
        }
        if (read.waits()) {
            names.add("wait");
        }
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.just(read.knownId()), Values.unknownId());
        return Combinators.combine(key, Arbitraries.of(names), Queries.validInstant(), Arbitraries.of(true, false))
                .flatAs((id, bad, instant, withOthers) -> badValue(bad).map(value -> {
                    List<String> params = new ArrayList<>();
                    params.add(Paths.query(bad, value));
                    if (withOthers && !bad.equals("asOf") && read.asOf()) {
                        params.add(Paths.query("asOf", instant));
                    }
                    if (withOthers && !bad.equals("wait") && read.waits()) {
                        params.add(Paths.query("wait", "1ms"));
                    }
                    return FuzzRequest.of("bad-query-param", "GET", read.path().formatted(id) + Queries.join(params),
                            Expectation.field(400, bad));
                }));
    }

    private static Arbitrary<String> badValue(String parameter) {
        return switch (parameter) {
            case "asOf" -> Queries.invalidInstant();
            case "minVersion" -> Queries.invalidVersion();
            case "wait" -> Queries.invalidDuration();
            default -> throw new IllegalArgumentException(parameter);
        };
    }
}
