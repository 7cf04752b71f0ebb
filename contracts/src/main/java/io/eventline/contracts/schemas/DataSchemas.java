package io.eventline.contracts.schemas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.contracts.Money;
import io.eventline.contracts.Nullable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON Schema of an event's {@code data}, read off its record the way Jackson writes it: each
 * component a required property of its JSON type, no other property (the catalogue reads with
 * {@code FAIL_ON_UNKNOWN_PROPERTIES}), null only where the component is {@link Nullable}. The record
 * stays the one source of truth; value constraints its constructor checks are not repeated here.
 */
final class DataSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DataSchemas() {
    }

    static ObjectNode of(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + ": only records have a data schema here");
        }
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : type.getRecordComponents()) {
            ObjectNode property = ofType(component.getGenericType());
            if (component.isAnnotationPresent(Nullable.class)) {
                property.set("type", JSON.arrayNode().add(property.get("type").asText()).add("null"));
            }
            properties.set(component.getName(), property);
            required.add(component.getName());
        }
        return schema.put("additionalProperties", false);
    }

    private static ObjectNode ofType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", ofType(list.getActualTypeArguments()[0]));
            return array;
        }
        if (type == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (type == int.class || type == long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (type == boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (type == Money.class) {
            // Money's JSON form: a decimal with at most two places (Money.of refuses more).
            return JSON.objectNode().put("type", "number").put("multipleOf", new BigDecimal("0.01"));
        }
        if (type instanceof Class<?> enumType && enumType.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : enumType.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return of(record);
        }
        // A new kind of component must be described here before its event can be published.
        throw new IllegalArgumentException("no JSON Schema for a component of type " + type.getTypeName());
    }
}
