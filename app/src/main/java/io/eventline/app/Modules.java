package io.eventline.app;

import io.eventline.accounts.AccountRoutes;
import io.eventline.accounts.AccountsService;
import io.eventline.inventory.InventoryRoutes;
import io.eventline.inventory.InventoryService;
import io.eventline.orders.OrderRoutes;
import io.eventline.orders.OrderViewProjector;
import io.eventline.orders.OrdersService;
import java.util.List;

/** Every service this build can run, in the order they start. */
final class Modules {
    static final List<ServiceModule> ALL = List.of(new CustomersModule(),
            new AggregateModule<>("accounts", AccountsService::addTo, AccountsService.AGGREGATE, AccountsService.VIEW,
                    AccountRoutes::of),
            new AggregateModule<>("inventory", InventoryService::addTo, InventoryService.AGGREGATE,
                    InventoryService.VIEW, InventoryRoutes::of),
            new AggregateModule<>("orders", OrdersService::addTo, OrdersService.AGGREGATE, OrderViewProjector.PROJECTION,
                    OrderRoutes::of, List.of(OrdersService.SAGA_REPLIES)),
            new ShippingModule(), new NotificationsModule(), new AnalyticsModule(), new FraudModule(),
            new CatalogModule());

    private Modules() {
    }

    static List<String> names() {
        return ALL.stream().map(ServiceModule::name).toList();
    }
}
