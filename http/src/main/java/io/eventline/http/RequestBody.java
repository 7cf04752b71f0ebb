package io.eventline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    private static final String ID_RULE = "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";

    private final JsonNode root;
    private final String path;

    private RequestBody(JsonNode root, String path) {
        this.root = root;
        this.path = path;
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
        return new RequestBody(root, "").only(fields);
    }

    private RequestBody only(Set<String> fields) {
        root.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw ApiException.badRequest(at(name), "unknown field");
            }
        });
        return this;
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    /** An integer in {@code [min, max]}; a decimal such as {@code 2.0} or {@code 2.5} is refused. */
    public int integer(String field, int min, int max) {
        JsonNode node = required(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.badRequest(at(field), "must be an integer");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw ApiException.badRequest(at(field), "must be from " + min + " to " + max);
        }
        return value;
    }

    /** A string of {@code minLength} to {@code maxLength} characters. */
    public String string(String field, int minLength, int maxLength) {
        JsonNode node = required(field);
        if (!node.isTextual()) {
            throw ApiException.badRequest(at(field), "must be a string");
        }
        String value = node.textValue();
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            throw ApiException.badRequest(at(field), minLength + " to " + maxLength + " characters");
        }
        return value;
    }

    /** A string matching {@code pattern}, described to the caller as {@code rule}. */
    public String string(String field, Pattern pattern, String rule) {
        JsonNode node = required(field);
        if (!node.isTextual() || !pattern.matcher(node.textValue()).matches()) {
            throw ApiException.badRequest(at(field), rule);
        }
        return node.textValue();
    }

    /** {@code true} or {@code false}; anything else, a string "true" included, is refused. */
    public boolean bool(String field) {
        JsonNode node = required(field);
        if (!node.isBoolean()) {
            throw ApiException.badRequest(at(field), "must be true or false");
        }
        return node.booleanValue();
    }

    /** An id as docs/api.md defines them, read from the body. */
    public String id(String field) {
        return string(field, ID, ID_RULE);
    }

    /** A nested object with exactly the given fields allowed; errors name {@code field.inner}. */
    public RequestBody object(String field, Set<String> fields) {
        JsonNode node = required(field);
        if (!node.isObject()) {
            throw ApiException.badRequest(at(field), "must be an object");
        }
        return new RequestBody(node, at(field)).only(fields);
    }

    /** An array of {@code min} to {@code max} objects; errors name {@code field[i].inner}. */
    public List<RequestBody> objects(String field, int min, int max, Set<String> fields) {
        JsonNode node = required(field);
        if (!node.isArray()) {
            throw ApiException.badRequest(at(field), "must be an array");
        }
        if (node.size() < min || node.size() > max) {
            throw ApiException.badRequest(at(field), "from " + min + " to " + max + " elements");
        }
        List<RequestBody> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String elementPath = at(field) + "[" + i + "]";
            if (!node.get(i).isObject()) {
                throw ApiException.badRequest(elementPath, "must be an object");
            }
            elements.add(new RequestBody(node.get(i), elementPath).only(fields));
        }
        return elements;
    }

    /** A decimal with at most {@code scale} decimals in {@code [min, max]}, held exactly. */
    public BigDecimal decimal(String field, int scale, BigDecimal min, BigDecimal max) {
        JsonNode node = required(field);
        if (!node.isNumber()) {
            throw ApiException.badRequest(at(field), "must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > scale) {
            throw ApiException.badRequest(at(field), "at most " + scale + " decimals");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ApiException.badRequest(at(field),
                    "must be from " + min.toPlainString() + " to " + max.toPlainString());
        }
        return value;
    }

    private JsonNode required(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest(at(field), "required");
        }
        return node;
    }

    /** An id as docs/api.md defines them: 1–64 characters of {@code [A-Za-z0-9._-]}. */
    public static String id(String field, String value) {
        return matching(field, value, ID, ID_RULE);
    }

    /** A path parameter or field that must match {@code pattern}, described in {@code rule}. */
    public static String matching(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiException.badRequest(field, rule);
        }
        return value;
    }
}
