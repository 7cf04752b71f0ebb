package io.eventline.contracts.customers;

import java.util.Objects;

/** A postal address; {@code country} is ISO 3166-1 alpha-2. */
public record Address(String line1, String city, String postcode, String country) {
    public Address {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(country, "country");
    }
}
