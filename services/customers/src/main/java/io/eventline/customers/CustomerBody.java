package io.eventline.customers;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.http.RequestBody;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of {@code PUT /api/customers/{customerId}}, read strictly as docs/api.md defines it. */
final class CustomerBody {
    private static final int MAX_TEXT = 200;
    // docs/api.md: one '@' with text on both sides. Whitespace is not text here, and 254 characters is the
    // longest address SMTP carries (RFC 5321), so a longer one could never be delivered.
    private static final Pattern EMAIL = Pattern.compile("(?=.{3,254}$)[^@\\s]+@[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private CustomerBody() {
    }

    /** @throws io.eventline.http.ApiException 400 naming the field at fault */
    static CustomerUpdated parse(String customerId, byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes, Set.of("name", "email", "address"));
        String name = body.string("name", 1, MAX_TEXT);
        String email = body.string("email", EMAIL, "one '@' with text on both sides, at most 254 characters");
        RequestBody address = body.object("address", Set.of("line1", "city", "postcode", "country"));
        return new CustomerUpdated(customerId, name, email, new Address(
                address.string("line1", 1, MAX_TEXT),
                address.string("city", 1, MAX_TEXT),
                address.string("postcode", 1, MAX_TEXT),
                address.string("country", COUNTRY, "two capital letters (ISO 3166-1 alpha-2)")));
    }
}
