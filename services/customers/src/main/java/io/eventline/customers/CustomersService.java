package io.eventline.customers;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.core.kafka.Sources;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The customers service: event-carried state transfer. The compacted {@code customers} topic is the
 * system of record (the whole customer per key, a tombstone on delete); this service's table of it
 * answers reads. There is no aggregate: a customer is replaced whole, so there is nothing to decide.
 */
public final class CustomersService {
    /** The table of customers: customer id → the {@code customer.updated} envelope as written. */
    public static final String STORE = "customers-table";

    private CustomersService() {
    }

    /**
     * The table, partitioned like the topic: a read is answered by the instance that holds the
     * customer's partition, which waits until it has applied a write it made ({@code AppliedWrites}).
     * The topic is read here as a table, not through {@link Sources}: shipping and notifications keep a
     * global copy of it ({@code CustomerContracts.EVERY_CUSTOMER_STORE}), and one topology cannot hold
     * both, so the customers service runs as an application of its own.
     */
    public static void addTo(Sources sources) {
        sources.builder().table(CustomerContracts.TOPIC,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("customers-source"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()));
    }
}
