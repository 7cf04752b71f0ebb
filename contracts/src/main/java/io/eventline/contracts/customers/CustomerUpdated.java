package io.eventline.contracts.customers;

import java.util.Objects;

/** {@code customer.updated} v1: the whole customer as it now is. */
public record CustomerUpdated(String customerId, String name, String email, Address address) implements CustomerEvent {
    public CustomerUpdated {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(address, "address");
    }
}
