package io.eventline.app;

import io.eventline.core.kafka.Sources;
import io.eventline.fraud.FraudDetection;
import io.eventline.fraud.FraudRoutes;
import io.eventline.fraud.FraudRules;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * Fraud detection, run as {@code eventline-fraud}: a plug-in that reads {@code orders.events} from
 * offset 0 and that the order service knows nothing of. It runs with the default rules.
 */
final class FraudModule implements ServiceModule {
    @Override
    public String name() {
        return "fraud";
    }

    @Override
    public boolean offTheSagaPath() {
        return true; // nothing on an order's way to shipped waits for it
    }

    @Override
    public List<String> paths() {
        return List.of("/api/fraud");
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        FraudDetection.addTo(sources, FraudRules.DEFAULTS);
    }

    @Override
    public void mount(RoutesConfig routes, ModuleContext context) {
        new FraudRoutes(context.streams()).register(routes);
        context.gatherList(routes, "/api/fraud/alerts", context.ownStore(FraudDetection.ALERTS_STORE),
                ListOrders.FRAUD_ALERTS);
    }
}
