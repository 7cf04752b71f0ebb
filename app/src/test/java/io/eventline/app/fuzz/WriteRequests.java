package io.eventline.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Malformed writes: a valid write with one thing broken — the body (see {@link BodyFaults}), the id
 * in the path, the content type, or the size. Valid ids are the known state's or unknown ones, so a
 * write that got through would show as a changed state or a new aggregate.
 */
final class WriteRequests {
    /** Past the 1 MiB limit by a margin, never by much more, to keep the run quick. */
    private static final int OVER_LIMIT = 1024 * 1024 + 1;

    private WriteRequests() {
    }

    /** A write endpoint: {@code path} has {@code %s} where the id goes, if it takes one. */
    record Endpoint(String method, String path, String idField, Arbitrary<String> ids, Arbitrary<Sample> bodies) {
        String at(String id) {
            return idField == null ? path : path.formatted(Paths.segment(id));
        }
    }

    static List<Endpoint> endpoints(Known known) {
        Arbitrary<String> customers = Arbitraries.oneOf(Arbitraries.just(known.customerId()), Values.unknownId());
        Arbitrary<String> skus = Arbitraries.oneOf(Arbitraries.just(known.sku()), Values.unknownId());
        return List.of(
                new Endpoint("POST", "/api/accounts/%s/deposits", "customerId", customers, Bodies.amount()),
                new Endpoint("POST", "/api/accounts/%s/withdrawals", "customerId", customers, Bodies.amount()),
                new Endpoint("POST", "/api/inventory/%s/stock", "sku", skus, Bodies.quantity()),
                new Endpoint("PUT", "/api/customers/%s", "customerId", customers, Bodies.customer()),
                new Endpoint("POST", "/api/orders", null, Arbitraries.just(""), Bodies.order(known)));
    }

    static Arbitrary<FuzzRequest> of(Known known) {
        List<Endpoint> endpoints = endpoints(known);
        return Arbitraries.of(endpoints).flatMap(endpoint -> Arbitraries.frequencyOf(
                Tuple.of(40, badBody(endpoint)),
                Tuple.of(endpoint.idField() == null ? 0 : 6, badPathId(endpoint)),
                Tuple.of(3, badContentType(endpoint)),
                Tuple.of(1, tooLarge(endpoint))));
    }

    private static Arbitrary<FuzzRequest> badBody(Endpoint endpoint) {
        Arbitrary<BodyFault> faults = endpoint.bodies().flatMap(BodyFaults::of);
        return Combinators.combine(endpoint.ids(), faults, jsonType(), Arbitraries.integers().between(1, 10))
                .as((id, fault, type, dice) -> FuzzRequest.of(fault.kind(), endpoint.method(), endpoint.at(id),
                        Expectation.field(400, fault.field())).withBody(type, fault.bytes()).padded(0, dice == 1));
    }

    private static Arbitrary<FuzzRequest> badPathId(Endpoint endpoint) {
        return Combinators.combine(Values.invalidPathId(), endpoint.bodies()).as((id, sample) ->
                FuzzRequest.of("bad-path-id", endpoint.method(), endpoint.at(id),
                        Expectation.field(400, endpoint.idField())).withBody("application/json", bytes(sample)));
    }

    private static Arbitrary<FuzzRequest> badContentType(Endpoint endpoint) {
        Arbitrary<String> types = Arbitraries.of("text/plain", "application/xml", "text/json", "application/jsonx",
                "application/json-patch+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "application", "json", "*/*", "application/*", "text/html; charset=utf-8",
                "application/problem+json", "");
        Arbitrary<String> typeOrNone = Arbitraries.oneOf(types, Arbitraries.just("(none)"));
        return Combinators.combine(endpoint.ids(), endpoint.bodies(), typeOrNone).as((id, sample, type) ->
                FuzzRequest.of("content-type", endpoint.method(), endpoint.at(id), Expectation.field(415, "Content-Type"))
                        .withBody(type.equals("(none)") ? null : type, bytes(sample)));
    }

    /** A valid body padded with whitespace past the limit: the size alone is wrong. */
    private static Arbitrary<FuzzRequest> tooLarge(Endpoint endpoint) {
        return Combinators.combine(endpoint.ids(), endpoint.bodies(), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 200_000)).as((id, sample, chunked, extra) ->
                FuzzRequest.of(chunked ? "too-large-chunked" : "too-large", endpoint.method(), endpoint.at(id),
                        Expectation.field(413, "body")).withBody("application/json", bytes(sample))
                        .padded(OVER_LIMIT + extra, chunked));
    }

    static Arbitrary<String> jsonType() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8");
    }

    static byte[] bytes(Sample sample) {
        return sample.body().render().getBytes(StandardCharsets.UTF_8);
    }
}
