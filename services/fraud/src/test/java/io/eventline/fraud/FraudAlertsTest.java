package io.eventline.fraud;

import static io.eventline.fraud.FraudAlert.Rule.AMOUNT_TOO_HIGH;
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

    @Test
    void shouldDecideALaterWindowOfThePeriodWhenEveryRuleHasAnAlertInIt() {
        FraudAlerts both = FraudAlerts.NONE.with(alert(20, 6), MINUTE).with(alert(30, 7, AMOUNT_TOO_HIGH), MINUTE);

        assertThat(both.decide(millis(40), MINUTE)).as("a later window of the same period").isTrue();
        assertThat(both.decide(millis(30), MINUTE)).as("the alert's own window: it may have grown").isFalse();
        assertThat(both.decide(millis(25), MINUTE)).as("before one rule's alert: it may take its place").isFalse();
        assertThat(both.decide(millis(70), MINUTE)).as("the next period").isFalse();
        assertThat(FraudAlerts.NONE.with(alert(20, 6), MINUTE).decide(millis(40), MINUTE))
                .as("the amount may still go over its limit").isFalse();
    }

    private static long millis(long second) {
        return T0.plusSeconds(second).toEpochMilli();
    }

    static FraudAlert alert(long endSecond, long orders) {
        return alert(endSecond, orders, FraudAlert.Rule.TOO_MANY_ORDERS);
    }

    static FraudAlert alert(long endSecond, long orders, FraudAlert.Rule rule) {
        FraudFigures figures = new FraudFigures(orders, new TreeMap<>(Map.of("EUR", new Money(orders * 1000))), 0);
        return FraudAlert.of("alice", T0.plusSeconds(endSecond), MINUTE, figures, rule);
    }
}
