package io.eventline.core.logging;

import io.eventline.core.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The correlation id of what a thread is handling, in the logging context (SLF4J's MDC) under
 * {@value #KEY}: every log line written while a processor handles a record, or a request is served,
 * names the business flow it belongs to, and the trace (under {@value #TRACE_KEY}). Events carry it in their
 * {@code correlationId} header; a command in its envelope's metadata, set once it is read.
 * {@snippet :
 * try (CorrelationMdc ignored = CorrelationMdc.of(record.headers())) {
 *     // ... process the record; its log lines carry mdc.correlationId
 * }
 * }
 */
public final class CorrelationMdc implements AutoCloseable {
    public static final String KEY = "correlationId";
    /** The W3C trace id of the record or request, from its {@code traceparent}. */
    public static final String TRACE_KEY = "traceId";

    private final String previous;
    private final String previousTrace;

    private CorrelationMdc(String previous, String previousTrace) {
        this.previous = previous;
        this.previousTrace = previousTrace;
    }

    /**
     * A scope for handling one record: its {@code correlationId} header, if it has one, until
     * {@link #close()}, which also takes away what {@link #set} put meanwhile.
     */
    public static CorrelationMdc of(Headers headers) {
        return of(text(headers, KEY), TraceParent.parse(text(headers, TraceParent.HEADER))
                .map(TraceParent::traceId).orElse(null));
    }

    /** A scope with {@code correlationId} (none when null or blank) until {@link #close()}. */
    public static CorrelationMdc of(String correlationId) {
        return of(correlationId, null);
    }

    /** A scope with a correlation id and a trace id (either none when null or blank) until {@link #close()}. */
    public static CorrelationMdc of(String correlationId, String traceId) {
        CorrelationMdc scope = new CorrelationMdc(MDC.get(KEY), MDC.get(TRACE_KEY));
        set(correlationId);
        if (traceId != null && !traceId.isBlank()) {
            MDC.put(TRACE_KEY, traceId);
        }
        return scope;
    }

    /** Sets what a thread inside a scope learns later (a command's, once read). */
    public static void set(String correlationId) {
        if (correlationId != null && !correlationId.isBlank()) {
            MDC.put(KEY, correlationId);
        }
    }

    /** Puts back what was there before the scope: nothing, or an enclosing scope's id. */
    @Override
    public void close() {
        restore(KEY, previous);
        restore(TRACE_KEY, previousTrace);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static String text(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
