package io.eventline.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.contracts.Money;
import io.eventline.contracts.catalog.ProductUpdated;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * One Debezium change record of the products table (JSON without schemas, decimals as strings):
 * the row after the change, or none for a delete, and where in PostgreSQL's log the change is.
 *
 * @param lsn the change's position in the write-ahead log: a later change of the same row always
 *     has a higher one (the row is locked until its transaction commits), so it orders a sku's changes
 * @param committedAt when its transaction committed (Debezium's {@code source.ts_ms}), epoch millis
 * @param txId the PostgreSQL transaction, shared by the changes it made
 * @param after empty for a delete
 */
record RowChange(String sku, long lsn, long committedAt, long txId, Optional<ProductUpdated> after) {
    /** @throws MalformedMessageException when the record is not a change of the products table */
    static RowChange parse(byte[] value) {
        JsonNode change;
        try {
            change = Json.readTree(value);
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON: " + e.getMessage(), e);
        }
        String op = change.path("op").asText();
        JsonNode source = change.path("source");
        if (!source.path("lsn").canConvertToLong() || !source.path("ts_ms").canConvertToLong()) {
            throw new MalformedMessageException("a Debezium change needs source.lsn and source.ts_ms, op " + op, null);
        }
        long lsn = source.get("lsn").longValue();
        long committedAt = source.get("ts_ms").longValue();
        long txId = source.path("txId").asLong(0);
        return switch (op) {
            case "c", "u", "r" -> {
                ProductUpdated row = product(change.path("after"));
                yield new RowChange(row.sku(), lsn, committedAt, txId, Optional.of(row));
            }
            case "d" -> new RowChange(text(change.path("before"), "sku"), lsn, committedAt, txId, Optional.empty());
            default -> throw new MalformedMessageException("unknown Debezium op '" + op + "'", null);
        };
    }

    private static ProductUpdated product(JsonNode row) {
        if (!row.isObject()) {
            throw new MalformedMessageException("a create or update without an after image", null);
        }
        try {
            return new ProductUpdated(text(row, "sku"), text(row, "name"), text(row, "category"),
                    Money.of(new BigDecimal(text(row, "price"))), text(row, "currency"),
                    row.path("active").asBoolean(true),
                    Timestamps.format(Timestamps.millis(Timestamps.parse(text(row, "updated_at")))));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedMessageException("a products row Eventline cannot carry: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode row, String column) {
        JsonNode value = row.path(column);
        if (!value.isTextual()) {
            throw new MalformedMessageException("column " + column + " is missing or not text", null);
        }
        return value.textValue();
    }
}
