package io.eventline.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FraudAlertsTest {
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00.000Z");

    @Test
    void shouldKeepTheEarliestWindowWhenTwoEndInTheSamePeriod() {
        FraudAlerts alerts = FraudAlerts.NONE.with(alert(40, 7), MINUTE).with(alert(25, 6), MINUTE)
                .with(alert(50, 8), MINUTE);

        assertThat(alerts.alerts()).containsExactly(alert(25, 6));
    }

    @Test
    void shouldTakeTheLatestFiguresWhenTheSameWindowGrows() {
        FraudAlerts alerts = FraudAlerts.NONE.with(alert(25, 6), MINUTE).with(alert(25, 7), MINUTE);

        assertThat(alerts.alerts()).containsExactly(alert(25, 7));
    }

    @Test
    void shouldKeepOneAlertPerPeriodNewestFirstWhenPeriodsDiffer() {
        FraudAlerts alerts = FraudAlerts.NONE.with(alert(25, 6), MINUTE).with(alert(60, 13), MINUTE);

        assertThat(alerts.alerts()).containsExactly(alert(60, 13), alert(25, 6));
    }

    @Test
    void shouldDropTheOldestAlertsWhenACustomerHasTooMany() {
        FraudAlerts alerts = FraudAlerts.NONE;
        for (int minute = 0; minute <= FraudAlerts.MAX_PER_CUSTOMER; minute++) {
            alerts = alerts.with(alert(minute * 60L, 6), MINUTE);
        }

        assertThat(alerts.alerts()).hasSize(FraudAlerts.MAX_PER_CUSTOMER)
                .doesNotContain(alert(0, 6))
                .startsWith(alert(FraudAlerts.MAX_PER_CUSTOMER * 60L, 6));
    }

    static FraudAlert alert(long endSecond, long orders) {
        FraudFigures figures = new FraudFigures(orders, new TreeMap<>(Map.of("EUR", new Money(orders * 1000))), 0);
        return FraudAlert.of("alice", T0.plusSeconds(endSecond), MINUTE, figures, FraudAlert.Rule.TOO_MANY_ORDERS);
    }
}
