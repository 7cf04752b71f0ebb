package io.eventline.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps reads and writes its own form by hand: it must agree with java.time on every text. */
class TimestampsTest {
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void shouldWriteAndReadAsJavaTimeDoesOverManyInstants() {
        Random random = new Random(20261205);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000));
            String written = Timestamps.format(instant);
            assertThat(written).isEqualTo(PATTERN.format(instant));
            assertThat(Timestamps.parse(written)).isEqualTo(Instant.parse(written));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "2026-12-05T01:02:03Z",
            "2026-12-05T01:02:03.456789Z", "2026-12-05t01:02:03.456z", "2026-12-05T24:00:00.000Z",
            "2026-12-31T23:59:60.000Z"})
    void shouldReadWhatInstantParseReads(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-00-01T00:00:00.000Z",
            "2026-12-32T00:00:00.000Z", "2026-12-05T25:00:00.000Z", "2026-12-05T01:60:00.000Z",
            "2026-12-05T01:02:03.4a6Z", "2026-12-05 01:02:03.456Z", "2026-12-05T01:02:03.456+", "+026-12-05T01:02:03.456Z",
            "2026-12-05T01:02:03.456", "", "yesterday"})
    void shouldRefuseWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void shouldWriteYearsOutsideFourDigitsAsThePatternDoes() {
        for (String text : new String[] {"+10000-01-01T00:00:00Z", "0000-06-01T12:00:00Z", "-0100-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(Timestamps.format(instant)).isEqualTo(PATTERN.format(instant));
        }
    }
}
