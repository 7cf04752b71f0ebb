package io.eventline.app;

import io.eventline.analytics.AnalyticsRoutes;
import io.eventline.analytics.SalesAnalytics;
import io.eventline.core.kafka.Sources;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;

/**
 * Sales analytics, run as {@code eventline-analytics}: a plug-in that reads {@code orders.events}
 * from offset 0 and that the order service knows nothing of.
 */
final class AnalyticsModule implements ServiceModule {
    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public boolean offTheSagaPath() {
        return true; // nothing on an order's way to shipped waits for it
    }

    @Override
    public List<String> paths() {
        return List.of("/api/analytics");
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        SalesAnalytics.addTo(sources);
    }

    @Override
    public void mount(RoutesConfig routes, ModuleContext context) {
        new AnalyticsRoutes(context.streams(), Clock.systemUTC()).register(routes);
        context.gatherList(routes, "/api/analytics/sales", context.ownStore(SalesAnalytics.STORE), ListOrders.SALES);
    }
}
