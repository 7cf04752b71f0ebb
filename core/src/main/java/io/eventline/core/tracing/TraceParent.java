package io.eventline.core.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}, version {@code 00}): the trace a record belongs to and
 * the span (the hop) that wrote it. Carried in the {@value #HEADER} header of every command, event
 * and reply, as OpenTelemetry's messaging conventions put it on Kafka records, so that any tool
 * reading the topics, not only Eventline, can follow a flow from its HTTP request to its last event.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param flags 2 hex digits; {@code 01} = sampled
 */
public record TraceParent(String traceId, String spanId, String flags) {
    public static final String HEADER = "traceparent";
    public static final String STATE_HEADER = "tracestate";

    // A later version may append fields after these; version ff is forbidden (W3C Trace Context §3.2).
    private static final Pattern FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    /** The context a header names, or none when it is missing or not a valid {@code traceparent}. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches() || m.group(1).equals("ff") || (m.group(1).equals("00") && m.group(5) != null)
                || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(2), m.group(3), m.group(4)));
    }

    /** A new trace, sampled: what a hop starts when what it read carried none. */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16), randomSpanId(), "01");
    }

    /** The context of a new span of this trace, with these flags. */
    public TraceParent child(String childSpanId) {
        return new TraceParent(traceId, childSpanId, flags);
    }

    public boolean sampled() {
        return (HEX.fromHexDigits(flags) & 1) == 1;
    }

    /** The header value: {@code 00-<trace id>-<span id>-<flags>}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    static String randomSpanId() {
        return randomHex(8);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zero, which W3C reserves for "no id"
        return HEX.formatHex(random);
    }
}
