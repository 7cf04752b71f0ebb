package io.eventline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * Each route says once where it reads: the app routes keyed reads to the instance holding the key and
 * gathers lists from every instance by these declarations alone. No broker: nothing here is called.
 */
class AggregateRoutesTest {
    private final AggregateRoutes<Object, Object, Object> routes =
            new AggregateRoutes<>("orderId", "orders", null, null);

    @Test
    void shouldDeclareWhereEachRouteReadsWhenAnAggregateIsExposed() {
        routes.command("/api/orders", ctx -> null, (ctx, id, reply) -> { })
                .list("/api/orders", Comparator.comparing((JsonNode item) -> item.path("orderId").asText()),
                        ctx -> 100, ctx -> { })
                .read("/api/orders/{orderId}", Route.Reads.STATE, ctx -> { })
                .command("/api/orders/{orderId}/cancel", ctx -> null, (ctx, id, reply) -> { })
                .events("/api/orders/{orderId}/events");

        assertThat(routes.routes()).map(r -> r.method() + " " + r.path() + " " + r.reads() + " " + r.keyParam())
                .containsExactly(
                        "POST /api/orders HERE null",
                        "GET /api/orders LIST null",
                        "GET /api/orders/{orderId} STATE orderId",
                        "POST /api/orders/{orderId}/cancel HERE orderId",
                        "GET /api/orders/{orderId}/events HISTORY orderId");
    }

    @Test
    void shouldRefuseAKeyedReadWhenItsPathHoldsNoKey() {
        assertThatThrownBy(() -> routes.read("/api/orders/{id}", Route.Reads.STATE, ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/api/orders/{id}");
    }
}
