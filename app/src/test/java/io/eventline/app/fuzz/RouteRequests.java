package io.eventline.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Requests that miss the API: routes that do not exist (404), methods a route does not take (405),
 * and requests Jetty refuses before any route: a URI too long (414), a NUL in the path (400), headers
 * too large (431).
 */
final class RouteRequests {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private RouteRequests() {
    }

    /** A route and the methods it takes; {@code %s} is where a valid id goes. */
    record Route(String path, Set<String> methods) {
    }

    static List<Route> routes(Known known) {
        return List.of(new Route("/api/accounts/%s/deposits", Set.of("POST")),
                new Route("/api/accounts/%s/withdrawals", Set.of("POST")),
                new Route("/api/accounts/%s", Set.of("GET")), new Route("/api/accounts/%s/events", Set.of("GET")),
                new Route("/api/inventory/%s/stock", Set.of("POST")), new Route("/api/inventory/%s", Set.of("GET")),
                new Route("/api/inventory/%s/events", Set.of("GET")), new Route("/api/orders", Set.of("GET", "POST")),
                new Route("/api/orders/%s", Set.of("GET")), new Route("/api/orders/%s/cancel", Set.of("POST")),
                new Route("/api/orders/%s/events", Set.of("GET")),
                new Route("/api/customers/%s", Set.of("GET", "PUT", "DELETE")),
                new Route("/api/shipments/%s", Set.of("GET")), new Route("/api/notifications", Set.of("GET")),
                new Route("/api/fraud/alerts", Set.of("GET")), new Route("/api/analytics/sales", Set.of("GET")),
                new Route("/api/projections", Set.of("GET")), new Route("/api/projections/%s", Set.of("GET")),
                new Route("/api/projections/%s/rebuild", Set.of("POST")));
    }

    static Arbitrary<FuzzRequest> of(Known known) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, wrongMethod(known)),
                Tuple.of(5, unknownRoute()),
                Tuple.of(1, refusedByJetty()));
    }

    private static Arbitrary<FuzzRequest> wrongMethod(Known known) {
        Arbitrary<String> methods = Arbitraries.oneOf(Arbitraries.of(METHODS), Arbitraries.of("OPTIONS", "TRACE"));
        return Combinators.combine(Arbitraries.of(routes(known)), methods, Values.unknownId())
                .filter((route, method, id) -> !route.methods().contains(method))
                .as((route, method, id) -> withJsonBody(FuzzRequest.of("wrong-method", method,
                        route.path().formatted(id), Expectation.status(405))));
    }

    private static Arbitrary<FuzzRequest> unknownRoute() {
        Arbitrary<String> paths = Arbitraries.oneOf(
                Arbitraries.of("/api", "/api/nothing", "/api/accounts", "/api/inventory", "/api/customers", "/api/shipments",
                        "/api/accounts/x/deposit", "/api/accounts/x/events/y", "/API/orders", "/api/orders/x/cancel/now",
                        "/api/v2/orders", "/apix", "/api/accounts//deposits", "/api/customers/", "/api/orders/x/y/z",
                        "/health", "/health/dead", "/api/dlq-x", "/api/%2e%2e/x"),
                Values.validId().map(segment -> "/api/zz-" + segment),
                Values.validId().map(segment -> "/zz-" + segment + "/api"));
        return Combinators.combine(paths, Arbitraries.of(METHODS)).as((path, method) -> withJsonBody(
                FuzzRequest.of("unknown-route", method, path, Expectation.status(404, 405))));
    }

    private static Arbitrary<FuzzRequest> refusedByJetty() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(9_000, 20_000).map(length -> FuzzRequest.of("uri-too-long", "GET",
                        "/api/accounts/" + "a".repeat(length), Expectation.status(414))),
                Arbitraries.of("/api/accounts/a%00b", "/api/orders/%00", "/api/customers/x%00/", "/api/orders?status=%00")
                        .map(path -> FuzzRequest.of("nul-in-uri", "GET", path, Expectation.status(400))),
                Arbitraries.integers().between(20_000, 40_000).map(length -> FuzzRequest.of("headers-too-large", "GET",
                        "/api/accounts/x", Expectation.status(431)).withHeader("X-Padding", "p".repeat(length))));
    }

    /** Methods that carry a body get a valid JSON one, so that only the method or route is wrong. */
    private static FuzzRequest withJsonBody(FuzzRequest request) {
        boolean carriesBody = Set.of("POST", "PUT", "PATCH").contains(request.method());
        return carriesBody ? request.withBody("application/json", "{}".getBytes(StandardCharsets.UTF_8)) : request;
    }
}
