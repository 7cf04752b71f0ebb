package io.eventline.app.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Query parameter values, valid and not, by what docs/api.md says each one is. */
final class Queries {
    private Queries() {
    }

    static Arbitrary<String> invalidInstant() {
        return Arbitraries.oneOf(
                Arbitraries.of("yesterday", "", "now", "NaN", "2026-13-01T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00",
                        "1700000000000", "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
                        "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z",
                        "2026-01-01T00:00:00ZZ", "2026-01-01 00:00:00Z", "20260101T000000Z", "T", "Z", "2026-1-1T0:0:0Z"),
                Arbitraries.strings().alpha().numeric().withChars("-:TZ.").ofMaxLength(12));
    }

    /** Instants in the past, so a read with one answers at once. */
    static Arbitrary<String> validInstant() {
        return Arbitraries.of("2020-01-01T00:00:00Z", "2024-06-30T12:00:00.123Z", "1999-12-31T23:59:59.999999Z");
    }

    static Arbitrary<String> invalidDuration() {
        return Arbitraries.oneOf(
                Arbitraries.of("5", "5m", "-1s", "31s", "30001ms", "1.5s", "", "s", "ms", "9999999s", "PT5S", "5S", "5 s",
                        "1h", "0x10s", "\u0967s", "5sec", "1000000s", "-0ms", "5ms5"),
                Arbitraries.integers().between(31, 999_999).map(seconds -> seconds + "s"),
                Arbitraries.integers().between(30_001, 999_999).map(millis -> millis + "ms"));
    }

    static Arbitrary<String> invalidVersion() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "x", "", "1.5", "99999999999999999999", "1e3", "+-1", " 1", "0x1", "NaN", "1_000"),
                Arbitraries.longs().between(Long.MIN_VALUE, -1).map(String::valueOf));
    }

    static Arbitrary<String> invalidLimit() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1001", "x", "", "1e2", "2147483648", "1.0", "+0", " 5", "all"),
                Arbitraries.integers().between(1001, Integer.MAX_VALUE).map(String::valueOf));
    }

    static Arbitrary<String> invalidStatus() {
        return Arbitraries.of("placed", "NONE", "", "SHIPPED,PAID", "X", "paid", " PAID", "CANCELED", "SHIPPED ",
                "0", "null", "Placed");
    }

    static Arbitrary<String> invalidId() {
        return Arbitraries.oneOf(Values.invalidPathId(), Arbitraries.just(""));
    }

    static String join(List<String> params) {
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }
}
