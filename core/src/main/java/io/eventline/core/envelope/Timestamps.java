package io.eventline.core.envelope;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC with exactly millisecond precision on write (docs/api.md), any precision on read.
 *
 * <p>Every record a service reads carries a timestamp in this form, and {@link Instant#parse} and a
 * pattern formatter cost a microsecond or so each: a few per cent of a stream thread's time under load.
 * The form written here ({@code 2026-12-05T01:02:03.456Z}) is therefore read and written by hand, and
 * any other text goes to {@link Instant#parse}, so that what is accepted and what it means do not change.
 */
public final class Timestamps {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int WRITTEN_LENGTH = "2026-12-05T01:02:03.456Z".length();
    private static final long SECONDS_PER_DAY = 86_400;

    private Timestamps() {
    }

    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 1 || date.getYear() > 9999) {
            return MILLIS.format(instant); // the pattern's year is the year of era: plain from 1 to 9999 only
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        char[] text = new char[WRITTEN_LENGTH];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    public static Instant ofEpochMilli(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Truncated to milliseconds, the precision Kafka record timestamps carry. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @throws DateTimeParseException when the text is not an ISO-8601 instant */
    public static Instant parse(String text) {
        Instant written = asWritten(text);
        return written != null ? written : Instant.parse(text);
    }

    /** The instant of a text in exactly the written form, or null for any other (left to {@link Instant#parse}). */
    private static Instant asWritten(String text) {
        if (text == null || text.length() != WRITTEN_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        try {
            // Both check their fields (no 30 February, no hour 24, no leap second): Instant.parse decides those.
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            int secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + secondOfDay, millis * 1_000_000L);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int number(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(char[] text, int from, int value, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
