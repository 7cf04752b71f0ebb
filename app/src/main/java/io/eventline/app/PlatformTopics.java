package io.eventline.app;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.projection.ProjectionVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * Every topic of the platform. All are created before any service starts, also those of services
 * another process runs: a service's source topics must exist for its streams to start.
 */
final class PlatformTopics {
    private PlatformTopics() {
    }

    static List<Topics.Spec> all() {
        List<Topics.Spec> topics = new ArrayList<>();
        topics.add(new Topics.Spec(CustomerContracts.TOPIC, Topics.Kind.COMPACTED));
        topics.add(new Topics.Spec(ProjectionVersions.TOPIC, Topics.Kind.COMPACTED));
        for (String aggregate : List.of(AccountContracts.NAME, InventoryContracts.NAME, OrderContracts.NAME,
                ShipmentContracts.NAME, NotificationContracts.NAME)) {
            topics.add(new Topics.Spec(aggregate + ".commands", Topics.Kind.COMMANDS));
            topics.add(new Topics.Spec(aggregate + ".events", Topics.Kind.EVENTS));
            topics.add(new Topics.Spec(aggregate + ".replies", Topics.Kind.REPLIES));
        }
        // The order saga's orchestrator hears its replies here, keyed by order id (orchestration only).
        topics.add(new Topics.Spec(OrderContracts.NAME + "-saga.replies", Topics.Kind.REPLIES));
        return topics;
    }
}
