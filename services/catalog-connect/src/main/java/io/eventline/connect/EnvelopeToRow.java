package io.eventline.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A single message transform that turns an Eventline event (the JSON envelope, as bytes) into a flat
 * row with a schema, which a JDBC sink can upsert: a key {@code Struct} (the primary key) and a value
 * {@code Struct}, both from declared columns, and the record's topic renamed to the table's name.
 *
 * <p>Why a transform: the event topics carry schemaless JSON (the public contract), and a JDBC sink
 * needs typed columns and a key. A column is declared as {@code name=source:type}, where the source is
 * {@code data.<field>} (the event's data) or {@code envelope.<field>} ({@code eventType}, {@code version},
 * {@code timestamp}, {@code aggregateId}), and the type one of {@code string}, {@code int64},
 * {@code decimal} (scale 2), {@code timestamp} (ISO-8601) or {@code mapped} (a string looked up in
 * {@code values}). Events whose type is not in {@code event.types} (when set) and tombstones are dropped;
 * a malformed event is a {@link DataException}, which the connector's error handling dead-letters.
 */
public final class EnvelopeToRow<R extends ConnectRecord<R>> implements Transformation<R> {
    public static final String TABLE = "table";
    public static final String KEY = "key";
    public static final String COLUMNS = "columns";
    public static final String EVENT_TYPES = "event.types";
    public static final String VALUES = "values";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCALE = 2;
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(TABLE, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "the table's name (the record's new topic)")
            .define(KEY, ConfigDef.Type.LIST, ConfigDef.Importance.HIGH, "the primary key's columns: name=source:type")
            .define(COLUMNS, ConfigDef.Type.LIST, ConfigDef.Importance.HIGH, "the other columns: name=source:type")
            .define(EVENT_TYPES, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.MEDIUM,
                    "the event types kept (all when empty)")
            .define(VALUES, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.MEDIUM,
                    "for mapped columns: from=to pairs, e.g. order.shipped=SHIPPED");

    private String table;
    private List<Column> key;
    private List<Column> columns;
    private List<String> eventTypes;
    private Map<String, String> values;
    private Schema keySchema;
    private Schema valueSchema;

    enum Type { STRING, INT64, DECIMAL, TIMESTAMP, MAPPED }

    record Column(String name, boolean inData, String field, Type type) {
        static Column parse(String spec) {
            String[] nameAndRest = spec.split("=", 2);
            String[] sourceAndType = nameAndRest.length == 2 ? nameAndRest[1].split(":", 2) : new String[0];
            if (sourceAndType.length != 2 || !(sourceAndType[0].startsWith("data.") || sourceAndType[0].startsWith("envelope."))) {
                throw new ConfigException("a column is name=data.<field>:type or name=envelope.<field>:type, not " + spec);
            }
            boolean inData = sourceAndType[0].startsWith("data.");
            String field = sourceAndType[0].substring(inData ? "data.".length() : "envelope.".length());
            try {
                return new Column(nameAndRest[0].trim(), inData, field, Type.valueOf(sourceAndType[1].trim().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("unknown column type in " + spec + ": one of string, int64, decimal, timestamp, mapped");
            }
        }

        Schema schema(boolean optional) {
            SchemaBuilder builder = switch (type) {
                case STRING, MAPPED -> SchemaBuilder.string();
                case INT64 -> SchemaBuilder.int64();
                case DECIMAL -> Decimal.builder(SCALE);
                case TIMESTAMP -> Timestamp.builder();
            };
            return (optional ? builder.optional() : builder).build();
        }
    }

    @Override
    public void configure(Map<String, ?> settings) {
        var config = new org.apache.kafka.common.config.AbstractConfig(CONFIG, settings);
        table = config.getString(TABLE);
        key = config.getList(KEY).stream().map(Column::parse).toList();
        columns = config.getList(COLUMNS).stream().map(Column::parse).toList();
        eventTypes = config.getList(EVENT_TYPES);
        values = new HashMap<>();
        for (String pair : config.getList(VALUES)) {
            String[] fromTo = pair.split("=", 2);
            if (fromTo.length != 2) {
                throw new ConfigException(VALUES + " takes from=to pairs, not " + pair);
            }
            values.put(fromTo[0].trim(), fromTo[1].trim());
        }
        keySchema = struct(table + ".Key", key, false);
        valueSchema = struct(table + ".Value", concat(key, columns), true);
    }

    private static List<Column> concat(List<Column> first, List<Column> second) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Schema struct(String name, List<Column> fields, boolean optionalNonKey) {
        SchemaBuilder builder = SchemaBuilder.struct().name(name);
        for (Column column : fields) {
            builder.field(column.name(), column.schema(optionalNonKey && !key.contains(column)));
        }
        return builder.build();
    }

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return null; // a tombstone: the reporting rows are kept
        }
        JsonNode event = read(record);
        String eventType = event.path("eventType").asText();
        if (!eventTypes.isEmpty() && !eventTypes.contains(eventType)) {
            return null;
        }
        Struct rowKey = new Struct(keySchema);
        Struct row = new Struct(valueSchema);
        for (Column column : key) {
            Object value = value(event, column);
            if (value == null) {
                throw new DataException("event " + event.path("eventId").asText() + " has no " + column.field()
                        + " for the key column " + column.name());
            }
            rowKey.put(column.name(), value);
            row.put(column.name(), value);
        }
        for (Column column : columns) {
            row.put(column.name(), value(event, column));
        }
        return record.newRecord(table, record.kafkaPartition(), keySchema, rowKey, valueSchema, row, record.timestamp());
    }

    private static JsonNode read(ConnectRecord<?> record) {
        try {
            JsonNode event = record.value() instanceof byte[] bytes ? JSON.readTree(bytes)
                    : JSON.readTree(String.valueOf(record.value()));
            if (event == null || !event.isObject() || !event.path("data").isObject()) {
                throw new DataException("not an Eventline event envelope (no data object) at " + record.topic());
            }
            return event;
        } catch (IOException e) {
            throw new DataException("unreadable JSON at " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    private Object value(JsonNode event, Column column) {
        JsonNode node = column.inData() ? event.get("data").get(column.field()) : event.get(column.field());
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return switch (column.type()) {
                case STRING -> node.asText();
                case INT64 -> {
                    if (!node.canConvertToLong()) {
                        throw new DataException(column.field() + " is not a whole number: " + node);
                    }
                    yield node.longValue();
                }
                case DECIMAL -> {
                    if (!node.isNumber()) {
                        throw new DataException(column.field() + " is not a number: " + node);
                    }
                    yield node.decimalValue().setScale(SCALE, RoundingMode.UNNECESSARY);
                }
                case TIMESTAMP -> Date.from(Instant.parse(node.asText()));
                case MAPPED -> values.getOrDefault(node.asText(), node.asText());
            };
        } catch (ArithmeticException | DateTimeParseException e) {
            throw new DataException(column.field() + " cannot be a " + column.type() + " column: " + node, e);
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
