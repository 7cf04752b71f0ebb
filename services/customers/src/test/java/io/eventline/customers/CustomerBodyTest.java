package io.eventline.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.http.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerBodyTest {
    static final String VALID = """
            {"name": "Alice", "email": "alice@example.com",
             "address": {"line1": "1 Main St", "city": "Springfield", "postcode": "12345", "country": "US"}}""";

    @Test
    void shouldReadTheWholeCustomerWhenTheBodyIsValid() {
        assertThat(CustomerBody.parse("alice", bytes(VALID))).isEqualTo(new CustomerUpdated("alice", "Alice",
                "alice@example.com", new Address("1 Main St", "Springfield", "12345", "US")));
    }

    @Test
    void shouldAcceptTwoHundredCharactersWhenANameIsThatLong() {
        String name = "n".repeat(200);
        assertThat(CustomerBody.parse("alice", bytes(VALID.replace("\"Alice\"", "\"" + name + "\""))).name())
                .isEqualTo(name);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"name\": \"Alice\"                      | \"name\": \"\"                    | name",
        "\"name\": \"Alice\"                      | \"name\": 7                     | name",
        "\"name\": \"Alice\",                     | ''                              | name",
        "\"email\": \"alice@example.com\"         | \"email\": \"alice\"              | email",
        "\"email\": \"alice@example.com\"         | \"email\": \"a@b@c\"              | email",
        "\"email\": \"alice@example.com\"         | \"email\": \"@example.com\"       | email",
        "\"email\": \"alice@example.com\"         | \"email\": \"alice@\"             | email",
        "\"line1\": \"1 Main St\"                 | \"line1\": \"\"                   | address.line1",
        "\"city\": \"Springfield\"                | \"city\": \"\"                    | address.city",
        "\"postcode\": \"12345\"                  | \"postcode\": null                | address.postcode",
        "\"country\": \"US\"                      | \"country\": \"us\"               | address.country",
        "\"country\": \"US\"                      | \"country\": \"USA\"              | address.country",
        "\"country\": \"US\"                      | \"country\": \"US\", \"zip\": \"1\" | address.zip",
        "\"name\": \"Alice\"                      | \"name\": \"Alice\", \"age\": 3   | age",
    })
    void shouldRejectTheBodyNamingTheFieldWhenAFieldIsWrong(String valid, String wrong, String field) {
        String body = VALID.replace(valid, wrong);
        assertThat(body).as("the replacement applies").isNotEqualTo(VALID);
        assertThatThrownBy(() -> CustomerBody.parse("alice", bytes(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(field));
                });
    }

    @Test
    void shouldRejectANameWhenItIsLongerThanTwoHundredCharacters() {
        String body = VALID.replace("\"Alice\"", "\"" + "n".repeat(201) + "\"");
        assertThatThrownBy(() -> CustomerBody.parse("alice", bytes(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("name"));
    }

    @Test
    void shouldRejectTheAddressWhenItIsMissing() {
        String body = "{\"name\": \"Alice\", \"email\": \"alice@example.com\"}";
        assertThatThrownBy(() -> CustomerBody.parse("alice", bytes(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("address"));
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
