package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

/**
 * The route table every proxy in front of several instances routes by: a route mounted outside it
 * fails the start (each start checks the routes Javalin registered), and no two services claim a path.
 */
class RouteTableTest {
    @Test
    void shouldReturnTheRoutesAServiceMountedWhenTheyAreUnderItsPaths() {
        Javalin app = Javalin.create();
        Set<String> added = RouteTable.mount(app, module("/api/widgets", "/api/widgets/{id}"), null);

        assertThat(added).containsExactly("GET /api/widgets", "GET /api/widgets/{id}");
    }

    @Test
    void shouldFailTheStartWhenAServiceMountsARouteOutsideItsPaths() {
        Javalin app = Javalin.create();

        assertThatThrownBy(() -> RouteTable.mount(app, module("/api/widgets", "/api/gadgets/{id}"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("service widgets registers [GET /api/gadgets/{id}] outside its paths");
    }

    @Test
    void shouldFailTheStartWhenARouteOfEveryInstanceIsInNoSharedPath() {
        Javalin app = Javalin.create();
        app.get("/api/topics", ctx -> { });
        app.get("/api/secret", ctx -> { });

        assertThatThrownBy(() -> RouteTable.checkShared(app, Set.of()))
                .hasMessageContaining("every instance registers [GET /api/secret]");
    }

    @Test
    void shouldGiveEachPathToOneServiceWhenPrefixesAreCompared() {
        List<String> all = RouteTable.byService().values().stream().flatMap(List::stream).toList();
        for (String prefix : all) {
            assertThat(all).as(prefix).filteredOn(other -> !other.equals(prefix)
                    && (RouteTable.isUnder(prefix, other) || RouteTable.isUnder(other, prefix))).isEmpty();
            assertThat(RouteTable.ONE_INSTANCE).as(prefix).noneMatch(shared -> RouteTable.isUnder(prefix, shared));
        }
        assertThat(RouteTable.isUnder("/api/ordersx", "/api/orders")).isFalse();
    }

    /** A service named widgets whose paths are /api/widgets, mounting GET routes on {@code routes}. */
    private static ServiceModule module(String... routes) {
        return new ServiceModule() {
            @Override
            public String name() {
                return "widgets";
            }

            @Override
            public List<String> paths() {
                return List.of("/api/widgets");
            }

            @Override
            public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
            }

            @Override
            public void mount(Javalin app, ModuleContext context) {
                for (String route : routes) {
                    app.get(route, ctx -> { });
                }
            }
        };
    }
}
