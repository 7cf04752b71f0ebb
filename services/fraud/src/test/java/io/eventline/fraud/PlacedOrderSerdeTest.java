package io.eventline.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.contracts.Money;
import io.eventline.core.kafka.JsonSerde;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PlacedOrderSerdeTest {
    private static final String TOPIC = "fraud-orders-by-customer-repartition";
    private static final PlacedOrder ORDER = new PlacedOrder("EUR", Money.of(new BigDecimal("2100.55")),
            1_764_957_600_123L);

    @Test
    void shouldReadBackWhatItWroteWhenAnOrderGoesThrough() {
        byte[] written = PlacedOrderSerde.write(TOPIC, ORDER);

        assertThat(PlacedOrderSerde.read(TOPIC, written)).isEqualTo(ORDER);
        assertThat(written).as("two longs, a marker and the currency").hasSize(20);
    }

    @Test
    void shouldReadTheJsonAnEarlierVersionWroteWhenAStoreIsRestored() {
        byte[] json = JsonSerde.of(PlacedOrder.class).serializer().serialize(TOPIC, ORDER);

        assertThat(PlacedOrderSerde.read(TOPIC, json)).isEqualTo(ORDER);
    }

    @Test
    void shouldRefuseATruncatedRecordWhenItCannotHoldAnOrder() {
        byte[] truncated = Arrays.copyOf(PlacedOrderSerde.write(TOPIC, ORDER), 9);

        assertThatThrownBy(() -> PlacedOrderSerde.read(TOPIC, truncated)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("9 bytes").hasMessageContaining(TOPIC);
    }

    @Test
    void shouldPassNullThroughWhenARecordHasNoValue() {
        assertThat(PlacedOrderSerde.write(TOPIC, null)).isNull();
        assertThat(PlacedOrderSerde.read(TOPIC, null)).isNull();
    }
}
