package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.core.kafka.Sources;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The route table every proxy in front of several instances routes by: a route mounted outside it
 * fails the start (each start checks the routes Javalin registered), and no two services claim a path.
 */
class RouteTableTest {
    /** What {@code check} answers when run on the routes of a Javalin being configured (routes are declared upfront). */
    private static <T> T configuring(Function<RoutesConfig, T> check) {
        AtomicReference<T> answer = new AtomicReference<>();
        Javalin.create(config -> answer.set(check.apply(config.routes)));
        return answer.get();
    }

    @Test
    void shouldReturnTheRoutesAServiceMountedWhenTheyAreUnderItsPaths() {
        Set<String> added = configuring(routes -> RouteTable.mount(routes, module("/api/widgets", "/api/widgets/{id}"), null));

        assertThat(added).containsExactly("GET /api/widgets", "GET /api/widgets/{id}");
    }

    @Test
    void shouldFailTheStartWhenAServiceMountsARouteOutsideItsPaths() {
        assertThatThrownBy(() -> configuring(routes -> RouteTable.mount(routes, module("/api/widgets", "/api/gadgets/{id}"), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("service widgets registers [GET /api/gadgets/{id}] outside its paths");
    }

    @Test
    void shouldFailTheStartWhenARouteOfEveryInstanceIsInNoSharedPath() {
        assertThatThrownBy(() -> configuring(routes -> {
            routes.get("/api/topics", ctx -> { });
            routes.get("/api/secret", ctx -> { });
            RouteTable.checkShared(routes, Set.of());
            return null;
        })).hasMessageContaining("every instance registers [GET /api/secret]");
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
            public void addTo(Sources sources, EventlineConfig.Saga saga) {
            }

            @Override
            public void mount(RoutesConfig app, ModuleContext context) {
                for (String route : routes) {
                    app.get(route, ctx -> { });
                }
            }
        };
    }
}
