package io.eventline.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money, held exactly as minor units (cents); on the wire a JSON number with two
 * decimals ({@code 70.00}). Never a {@code double}.
 */
public record Money(long minorUnits) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);
    /** The largest amount docs/api.md allows in one request. */
    public static final Money MAX_AMOUNT = Money.of(new BigDecimal("1000000000"));

    @JsonCreator
    public static Money of(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount: at most two decimals, was " + amount.toPlainString());
        }
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
    }

    @JsonValue
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, other.minorUnits));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, other.minorUnits));
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
