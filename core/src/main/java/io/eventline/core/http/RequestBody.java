package io.eventline.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON request body, read strictly: each accessor names the field at fault in the
 * {@link ApiException} it throws, so every malformed request answers 400 with its field. No
 * reflection: a handler asks for exactly the fields it takes.
 *
 * {@snippet :
 * RequestBody body = RequestBody.parse(ctx.bodyAsBytes(), Set.of("amount"));
 * BigDecimal amount = body.decimal("amount", 2, BigDecimal.ONE.movePointLeft(2), MAX_AMOUNT);
 * }
 */
public final class RequestBody {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final JsonNode root;

    private RequestBody(JsonNode root) {
        this.root = root;
    }

    /** @param fields the fields this body may have; any other is rejected, naming it */
    public static RequestBody parse(byte[] bytes, Set<String> fields) {
        JsonNode root;
        try {
            root = Json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("body", "a JSON object is required");
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("body", "a JSON object is required");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw ApiException.badRequest(name, "unknown field");
            }
        });
        return new RequestBody(root);
    }

    /** A decimal with at most {@code scale} decimals in {@code [min, max]}, held exactly. */
    public BigDecimal decimal(String field, int scale, BigDecimal min, BigDecimal max) {
        JsonNode node = required(field);
        if (!node.isNumber()) {
            throw ApiException.badRequest(field, "must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > scale) {
            throw ApiException.badRequest(field, "at most " + scale + " decimals");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ApiException.badRequest(field, "must be from " + min.toPlainString() + " to " + max.toPlainString());
        }
        return value;
    }

    private JsonNode required(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest(field, "required");
        }
        return node;
    }

    /** An id as API.md defines them: 1–64 characters of {@code [A-Za-z0-9._-]}. */
    public static String id(String field, String value) {
        return matching(field, value, ID, "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    }

    /** A path parameter or field that must match {@code pattern}, described in {@code rule}. */
    public static String matching(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiException.badRequest(field, rule);
        }
        return value;
    }
}
