package io.eventline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodyTest {
    static final BigDecimal MIN = new BigDecimal("0.01");
    static final BigDecimal MAX = new BigDecimal("1000000000");

    @Test
    void shouldReadAnExactDecimal() {
        assertThat(amount("{\"amount\": 100.10}")).isEqualByComparingTo("100.10");
        assertThat(amount("{\"amount\": 1000000000}")).isEqualByComparingTo("1000000000");
        assertThat(amount("{\"amount\": 0.01}")).isEqualByComparingTo("0.01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"amount\": 0}                | amount | must be from",
        "{\"amount\": -5}               | amount | must be from",
        "{\"amount\": 1000000000.01}    | amount | must be from",
        "{\"amount\": 1.001}            | amount | at most 2 decimals",
        "{\"amount\": \"100\"}          | amount | must be a number",
        "{\"amount\": null}             | amount | required",
        "{}                             | amount | required",
        "{\"amount\": 1, \"note\": \"x\"} | note   | unknown field",
        "{\"amount\": 1, \"amount\": 2} | body   | malformed JSON",
        "{\"amount\": 1                 | body   | malformed JSON",
        "[1]                            | body   | a JSON object",
        "''                             | body   | a JSON object",
        "{\"amount\": 1} {}             | body   | malformed JSON",
    })
    void shouldNameTheFieldAtFault(String body, String field, String message) {
        assertThatThrownBy(() -> amount(body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo(field);
                        assertThat(error.message()).contains(message);
                    });
                });
    }

    @ParameterizedTest
    @CsvSource({"alice,true", "a.b_c-9,true", "'',false", "al ice,false", "al/ice,false", "é,false"})
    void shouldAcceptOnlyIdsOfTheApiPattern(String id, boolean valid) {
        if (valid) {
            assertThat(RequestBody.id("customerId", id)).isEqualTo(id);
        } else {
            assertThatThrownBy(() -> RequestBody.id("customerId", id)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("customerId");
        }
        assertThatThrownBy(() -> RequestBody.id("customerId", "x".repeat(65))).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldNameNestedFieldsByTheirPath() {
        RequestBody body = RequestBody.parse(("{\"items\": [{\"sku\": \"tea\", \"quantity\": 2}, "
                + "{\"sku\": \"cake\", \"quantity\": 0}], \"address\": {\"country\": \"gb\"}}")
                .getBytes(StandardCharsets.UTF_8), Set.of("items", "address"));
        List<RequestBody> items = body.objects("items", 1, 100, Set.of("sku", "quantity"));
        assertThat(items.get(0).integer("quantity", 1, 10)).isEqualTo(2);
        assertThatThrownBy(() -> items.get(1).integer("quantity", 1, 10))
                .hasMessageContaining("items[1].quantity");
        assertThatThrownBy(() -> body.object("address", Set.of("country"))
                .string("country", Pattern.compile("[A-Z]{2}"), "two capital letters"))
                .hasMessageContaining("address.country");
        assertThatThrownBy(() -> body.object("address", Set.of("city")))
                .hasMessageContaining("address.country: unknown field");
        assertThatThrownBy(() -> body.objects("items", 3, 100, Set.of("sku", "quantity")))
                .hasMessageContaining("items");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2.5|must be an integer", "\"2\"|must be an integer",
        "0|must be from 1", "2147483648|must be an integer"})
    void shouldReadOnlyIntegersInRange(String value, String message) {
        RequestBody body = RequestBody.parse(("{\"quantity\": " + value + "}").getBytes(StandardCharsets.UTF_8),
                Set.of("quantity"));
        assertThatThrownBy(() -> body.integer("quantity", 1, 1_000_000)).hasMessageContaining(message);
    }

    private static BigDecimal amount(String body) {
        return RequestBody.parse(body.getBytes(StandardCharsets.UTF_8), Set.of("amount")).decimal("amount", 2, MIN, MAX);
    }
}
