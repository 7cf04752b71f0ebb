package io.eventline.contracts.customers;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.Topic;

/** The {@code customers} topic: compacted, the whole customer per key, a tombstone on delete. */
public final class CustomerContracts {
    /** The whole customer per key, compacted: null once deleted. */
    public static final Topic CUSTOMERS = Topic.compacted("customers", "customerId");
    public static final String TOPIC = CUSTOMERS.name();
    /**
     * The global store in which a service keeps a copy of every customer (shipping for addresses,
     * notifications for mail addresses): one name, so that services composed into one Kafka Streams
     * application share one copy, as a topology may read the topic once.
     */
    public static final String EVERY_CUSTOMER_STORE = "customers-everywhere";

    public static final Catalogue<CustomerEvent> EVENTS = Catalogue.of(CustomerEvent.class)
            .add("customer.updated", CustomerUpdated.class)
            .build();

    private CustomerContracts() {
    }
}
