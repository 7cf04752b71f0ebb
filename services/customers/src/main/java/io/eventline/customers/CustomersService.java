package io.eventline.customers;

import io.eventline.contracts.customers.CustomerContracts;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
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

    public static void addTo(StreamsBuilder builder) {
        builder.table(CustomerContracts.TOPIC,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("customers-source"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()));
    }
}
