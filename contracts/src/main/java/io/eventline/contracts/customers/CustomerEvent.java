package io.eventline.contracts.customers;

/**
 * What the {@code customers} topic holds: compacted, keyed by customer id, the value the whole customer
 * (event-carried state transfer), a null value (tombstone) when the customer is deleted.
 */
public sealed interface CustomerEvent permits CustomerUpdated {
    String customerId();
}
