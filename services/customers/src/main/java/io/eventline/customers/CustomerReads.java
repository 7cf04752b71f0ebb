package io.eventline.customers;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import java.util.Optional;

/** Customers as this instance's table holds them. Thread-safe. */
final class CustomerReads {
    private final StoreProvider stores;

    CustomerReads(StoreProvider stores) {
        this.stores = stores;
    }

    /** @return empty when the customer was never written or has been deleted */
    Optional<CustomerUpdated> find(String customerId) {
        byte[] stored = stores.store(CustomersService.STORE).get(customerId);
        if (stored == null) {
            return Optional.empty();
        }
        EventEnvelope envelope = EnvelopeCodec.fromBytes(stored);
        return Optional.of(switch (CustomerContracts.EVENTS.decode(
                envelope.eventType(), envelope.version(), envelope.data())) {
            case CustomerUpdated updated -> updated;
        });
    }
}
