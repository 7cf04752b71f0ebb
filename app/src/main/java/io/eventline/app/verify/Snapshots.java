package io.eventline.app.verify;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.orders.OrderContracts;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The version an aggregate's snapshot shows (the number of events it has applied), to hold against
 * the versions in the log; empty when there is no snapshot to ask for this topic.
 */
@FunctionalInterface
public interface Snapshots {
    OptionalLong version(String topic, String aggregateId);

    /**
     * The REST path that answers an aggregate's state with its {@code version}: accounts, inventory and
     * orders have one; shipments and notifications show no version.
     */
    static Optional<String> path(String topic, String aggregateId) {
        // Not a switch: the topics' names are derived (AggregateTopics), not constant expressions.
        if (topic.equals(AccountContracts.TOPIC)) {
            return Optional.of("/api/accounts/" + aggregateId);
        }
        if (topic.equals(InventoryContracts.TOPIC)) {
            return Optional.of("/api/inventory/" + aggregateId);
        }
        if (topic.equals(OrderContracts.TOPIC)) {
            return Optional.of("/api/orders/" + aggregateId);
        }
        return Optional.empty();
    }
}
