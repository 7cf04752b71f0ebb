package io.eventline.core.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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

    // version-traceid-spanid-flags: where each dash is. A later version may append "-..." after the
    // flags; version 00 may not, and version ff is forbidden (W3C Trace Context §3.2).
    private static final int TRACE_AT = 3;
    private static final int SPAN_AT = 36;
    private static final int FLAGS_AT = 53;
    private static final int LENGTH = 55;
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    /** The context a header names, or none when it is missing or not a valid {@code traceparent}. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        // Read by hand, not by a regular expression: every record a hop handles has one (and the
        // expression was a few per cent of a stream thread's time under load).
        String text = header.trim();
        if (text.length() < LENGTH || text.charAt(TRACE_AT - 1) != '-' || text.charAt(SPAN_AT - 1) != '-'
                || text.charAt(FLAGS_AT - 1) != '-' || !lowerHex(text, 0, TRACE_AT - 1)
                || !lowerHex(text, TRACE_AT, SPAN_AT - 1) || !lowerHex(text, SPAN_AT, FLAGS_AT - 1)
                || !lowerHex(text, FLAGS_AT, LENGTH)) {
            return Optional.empty();
        }
        String version = text.substring(0, 2);
        boolean more = text.length() > LENGTH;
        if (version.equals("ff") || (more && (version.equals("00") || text.charAt(LENGTH) != '-'
                || text.substring(LENGTH).lines().count() > 1))) {
            return Optional.empty();
        }
        String traceId = text.substring(TRACE_AT, SPAN_AT - 1);
        String spanId = text.substring(SPAN_AT, FLAGS_AT - 1);
        if (traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, text.substring(FLAGS_AT, LENGTH)));
    }

    private static boolean lowerHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
