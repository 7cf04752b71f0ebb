package io.eventline.core.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;

/**
 * One hop of a traced flow, from the moment it took a record (or a request) until it is closed:
 * what it writes is {@link #stamp stamped} with its trace context, so that the next hop continues
 * the trace. Single-threaded, like the stream task that holds it.
 * {@snippet :
 * try (Hop hop = tracing.hop("wallets", "wallets-decide", topic, record.headers())) {
 *     context.forward(new Record<>(key, value, timestamp, hop.stamp(new RecordHeaders())));
 * }
 * }
 */
public final class Hop implements AutoCloseable {
    /** No hop: what {@link Tracing#off()} gives; it stamps nothing and makes nothing current. */
    static final Hop NONE = new Hop(null, null, null, null, null, null, -1, -1, null);

    private final TraceParent context;
    private final String tracestate;
    private final String service;
    private final String step;
    private final String read;
    private final String parentSpanId;
    private final long waitedMicros;
    private final long receivedMicros;
    private final Span span; // null unless spans are exported

    Hop(TraceParent context, String tracestate, String service, String step, String read, String parentSpanId,
        long waitedMicros, long receivedMicros, Span span) {
        this.context = context;
        this.tracestate = tracestate;
        this.service = service;
        this.step = step;
        this.read = read;
        this.parentSpanId = parentSpanId;
        this.waitedMicros = waitedMicros;
        this.receivedMicros = receivedMicros;
        this.span = span;
    }

    /** This hop's trace context: what the records it writes carry (null for {@link #NONE}). */
    public TraceParent context() {
        return context;
    }

    /** Puts this hop's {@code traceparent}, {@code tracestate} and {@link HopStamp} on a record it writes. */
    public Headers stamp(Headers headers) {
        if (context == null) {
            return headers;
        }
        headers.remove(TraceParent.HEADER);
        headers.remove(TraceParent.STATE_HEADER);
        headers.remove(HopStamp.HEADER);
        headers.add(TraceParent.HEADER, bytes(context.header()));
        if (tracestate != null && !tracestate.isBlank()) {
            headers.add(TraceParent.STATE_HEADER, bytes(tracestate));
        }
        HopStamp stamp = new HopStamp(service, step, read, parentSpanId, waitedMicros, receivedMicros, Tracing.nowMicros());
        headers.add(HopStamp.HEADER, bytes(stamp.header()));
        return headers;
    }

    /**
     * Makes this hop OpenTelemetry's current context on this thread until the scope closes: what an
     * effect calls then (an HTTP client that propagates W3C headers, an instrumented library) continues
     * the trace. Without exported spans the context is the hop's ids alone, a span that records nothing.
     */
    public Scope makeCurrent() {
        if (context == null) {
            return Scope.noop();
        }
        Span current = span != null ? span : Span.wrap(SpanContext.create(context.traceId(), context.spanId(),
                TraceFlags.fromHex(context.flags(), 0), TraceState.getDefault()));
        return Context.root().with(current).makeCurrent();
    }

    /** Ends the hop's span, if spans are exported. */
    @Override
    public void close() {
        if (span != null) {
            span.end(Tracing.nowMicros(), TimeUnit.MICROSECONDS);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
