package io.eventline.contracts.customers;

import io.eventline.core.envelope.Catalogue;

/** The {@code customers} topic: compacted, the whole customer per key, a tombstone on delete. */
public final class CustomerContracts {
    public static final String TOPIC = "customers";

    public static final Catalogue<CustomerEvent> EVENTS = Catalogue.of(CustomerEvent.class)
            .add("customer.updated", CustomerUpdated.class)
            .build();

    private CustomerContracts() {
    }
}
