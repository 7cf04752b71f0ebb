package io.eventline.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.core.envelope.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void shouldHoldCentsExactly() {
        assertThat(Money.of(new BigDecimal("0.1")).plus(Money.of(new BigDecimal("0.2"))))
                .isEqualTo(Money.of(new BigDecimal("0.30")));
        assertThat(Money.of(new BigDecimal("70")).minorUnits()).isEqualTo(7000);
    }

    @Test
    void shouldWriteTwoDecimalsOnTheWire() {
        assertThat(Json.writeString(Money.of(new BigDecimal("70")))).isEqualTo("70.00");
        assertThat(Json.writeString(Money.of(new BigDecimal("0.05")))).isEqualTo("0.05");
    }

    @Test
    void shouldRefuseMoreThanTwoDecimals() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.001"))).hasMessageContaining("two decimals");
        assertThat(Money.of(new BigDecimal("1.000"))).isEqualTo(new Money(100));
    }
}
