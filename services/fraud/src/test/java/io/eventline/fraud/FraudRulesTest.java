package io.eventline.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.contracts.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FraudRulesTest {
    static final FraudRules RULES = FraudRules.DEFAULTS;

    @Test
    void shouldBreakNothingWhenFiguresAreAtTheLimits() {
        assertThat(RULES.brokenBy(figures(5, Map.of("EUR", "2000.00")))).isEmpty();
    }

    @Test
    void shouldBreakBothRulesWhenFiguresAreOverBothLimits() {
        assertThat(RULES.brokenBy(figures(6, Map.of("EUR", "2000.01"))))
                .containsExactly(FraudAlert.Rule.TOO_MANY_ORDERS, FraudAlert.Rule.AMOUNT_TOO_HIGH);
    }

    @Test
    void shouldNotAddCurrenciesUpWhenTheAmountIsChecked() {
        assertThat(RULES.brokenBy(figures(2, Map.of("EUR", "1500.00", "USD", "1500.00")))).isEmpty();
        assertThat(RULES.brokenBy(figures(2, Map.of("EUR", "100.00", "USD", "2500.00"))))
                .containsExactly(FraudAlert.Rule.AMOUNT_TOO_HIGH);
    }

    static Stream<Arguments> invalidRules() {
        Money amount = money("2000.00");
        return Stream.of(
                Arguments.of(0, amount, Duration.ofMinutes(1), "maxOrders"),
                Arguments.of(5, Money.ZERO, Duration.ofMinutes(1), "maxAmount"),
                Arguments.of(5, amount, Duration.ZERO, "window"),
                Arguments.of(5, amount, Duration.ofNanos(1_500_000), "window"));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void shouldRejectRulesWhenALimitIsOutOfRange(int maxOrders, Money maxAmount, Duration window, String field) {
        assertThatThrownBy(() -> new FraudRules(maxOrders, maxAmount, window))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + ":");
    }

    static FraudFigures figures(long orders, Map<String, String> amounts) {
        TreeMap<String, Money> amount = new TreeMap<>();
        amounts.forEach((currency, value) -> amount.put(currency, money(value)));
        return new FraudFigures(orders, amount, 0);
    }

    static Money money(String amount) {
        return Money.of(new BigDecimal(amount));
    }
}
