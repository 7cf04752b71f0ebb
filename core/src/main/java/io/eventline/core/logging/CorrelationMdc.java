package io.eventline.core.logging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The correlation id of what a thread is handling, in the logging context (SLF4J's MDC) under
 * {@value #KEY}: every log line written while a processor handles a record, or a request is served,
 * names the business flow it belongs to. Events carry it in their
 * {@code correlationId} header; a command in its envelope's metadata, set once it is read.
 * {@snippet :
 * try (CorrelationMdc ignored = CorrelationMdc.of(record.headers())) {
 *     // ... process the record; its log lines carry mdc.correlationId
 * }
 * }
 */
public final class CorrelationMdc implements AutoCloseable {
    public static final String KEY = "correlationId";

    private final String previous;

    private CorrelationMdc(String previous) {
        this.previous = previous;
    }

    /**
     * A scope for handling one record: its {@code correlationId} header, if it has one, until
     * {@link #close()}, which also takes away what {@link #set} put meanwhile.
     */
    public static CorrelationMdc of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(KEY);
        return of(header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }

    /** A scope with {@code correlationId} (none when null or blank) until {@link #close()}. */
    public static CorrelationMdc of(String correlationId) {
        CorrelationMdc scope = new CorrelationMdc(MDC.get(KEY));
        set(correlationId);
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
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
