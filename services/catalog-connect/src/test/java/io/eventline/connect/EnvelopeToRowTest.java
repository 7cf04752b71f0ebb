package io.eventline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Events become typed rows with a key a JDBC sink upserts by; what is not a row is dropped or refused. */
class EnvelopeToRowTest {
    private static final String SALE = """
            {"eventId":"e-1","eventType":"sale.recorded","version":1,"timestamp":"2026-12-04T10:00:00Z",
             "aggregateId":"tea","data":{"sku":"tea","name":"Green tea","category":"drinks","quantity":2,
             "revenue":20.5,"currency":"EUR","orderId":"o-1","at":"2026-12-04T09:59:59.123Z"},"metadata":{}}""";

    private static EnvelopeToRow<SinkRecord> sales() {
        EnvelopeToRow<SinkRecord> transform = new EnvelopeToRow<>();
        transform.configure(Map.of("table", "sales", "event.types", "sale.recorded",
                "key", "event_id=envelope.eventId:string",
                "columns", "order_id=data.orderId:string,quantity=data.quantity:int64,revenue=data.revenue:decimal,"
                        + "sold_at=data.at:timestamp,name=data.name:string"));
        return transform;
    }

    private static SinkRecord record(String value) {
        return new SinkRecord("catalog.sales", 0, null, "tea", null,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), 7);
    }

    @Test
    void shouldTurnAnEventIntoATypedRowKeyedByItsPrimaryKey() {
        SinkRecord row = sales().apply(record(SALE));

        assertThat(row.topic()).isEqualTo("sales");
        assertThat(((Struct) row.key()).getString("event_id")).isEqualTo("e-1");
        Struct value = (Struct) row.value();
        assertThat(value.getString("event_id")).isEqualTo("e-1");
        assertThat(value.getString("order_id")).isEqualTo("o-1");
        assertThat(value.getInt64("quantity")).isEqualTo(2L);
        assertThat((BigDecimal) value.get("revenue")).isEqualTo(new BigDecimal("20.50"));
        assertThat((Date) value.get("sold_at")).isEqualTo(Date.from(Instant.parse("2026-12-04T09:59:59.123Z")));
        assertThat(row.kafkaOffset()).isEqualTo(7);
    }

    @Test
    void shouldMapAnEventTypeToAStatusAndDropOtherTypesAndTombstones() {
        EnvelopeToRow<SinkRecord> orders = new EnvelopeToRow<>();
        orders.configure(Map.of("table", "orders", "event.types", "order.shipped,order.paid",
                "key", "order_id=envelope.aggregateId:string",
                "columns", "status=envelope.eventType:mapped,version=envelope.version:int64",
                "values", "order.shipped=SHIPPED,order.paid=PAID"));
        String shipped = """
                {"eventId":"e-2","eventType":"order.shipped","version":6,"timestamp":"2026-12-04T10:00:00Z",
                 "aggregateId":"o-1","data":{"orderId":"o-1"}}""";

        Struct value = (Struct) orders.apply(record(shipped)).value();

        assertThat(value.getString("status")).isEqualTo("SHIPPED");
        assertThat(value.getInt64("version")).isEqualTo(6L);
        assertThat(orders.apply(record(shipped.replace("order.shipped", "order.item-reserved")))).isNull();
        assertThat(orders.apply(record(null))).isNull();
    }

    @Test
    void shouldRefuseWhatItCannotMakeARowOfSoThatTheConnectorDeadLettersIt() {
        assertThatThrownBy(() -> sales().apply(record("not json"))).isInstanceOf(DataException.class)
                .hasMessageContaining("unreadable JSON");
        assertThatThrownBy(() -> sales().apply(record(SALE.replace("\"quantity\":2", "\"quantity\":\"two\""))))
                .isInstanceOf(DataException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> sales().apply(record(SALE.replace("\"eventId\":\"e-1\",", ""))))
                .isInstanceOf(DataException.class).hasMessageContaining("event_id");
        assertThatThrownBy(() -> sales().apply(record(SALE.replace("20.5", "20.555"))))
                .isInstanceOf(DataException.class).hasMessageContaining("revenue");
    }
}
