package io.eventline.app;

import java.util.List;

/** Every service this build can run, in the order they start. */
final class Modules {
    static final List<ServiceModule> ALL = List.of(new CustomersModule(), new AccountsModule(), new InventoryModule(),
            new OrdersModule(), new ShippingModule(), new NotificationsModule(), new AnalyticsModule(),
            new FraudModule(), new CatalogModule());

    private Modules() {
    }

    static List<String> names() {
        return ALL.stream().map(ServiceModule::name).toList();
    }
}
