package io.eventline.core.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How the hops of a flow are traced: each record a hop writes carries the W3C trace context of the
 * hop ({@link TraceParent}) and its {@link HopStamp}, always; spans go to OpenTelemetry only when a
 * {@link Tracer} is given (the app gives one when an OTLP endpoint is set). Without one nothing is
 * allocated beyond the headers: no span, no context, no exporter.
 *
 * <p>One instance per process, handed to the processors through the Streams configuration under
 * {@value #CONFIG} (as {@link io.eventline.core.metrics.ProcessingObserver} is); absent, the processors
 * write the headers only.
 */
public final class Tracing {
    public static final String CONFIG = "eventline.tracing";

    private static final Tracing HEADERS_ONLY = new Tracing(null, true);
    private static final Tracing OFF = new Tracing(null, false);
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final boolean headers;

    private Tracing(Tracer tracer, boolean headers) {
        this.tracer = tracer;
        this.headers = headers;
    }

    /**
     * No trace at all: records carry no trace headers and no span is made. Not a mode to run in (an
     * flow's trace is lost): what the bench measures the headers' cost against.
     */
    public static Tracing off() {
        return OFF;
    }

    /** Trace headers on every record, no spans. */
    public static Tracing headersOnly() {
        return HEADERS_ONLY;
    }

    /** Trace headers on every record and a span per hop (and per wait in a topic) through {@code tracer}. */
    public static Tracing exportingThrough(Tracer tracer) {
        return new Tracing(tracer, true);
    }

    /** The instance a Streams application was configured with, or {@link #headersOnly()}. */
    public static Tracing of(Map<String, Object> appConfigs) {
        return appConfigs.get(CONFIG) instanceof Tracing tracing ? tracing : HEADERS_ONLY;
    }

    public boolean exporting() {
        return tracer != null;
    }

    /**
     * A hop that handles a record read from {@code topic}: a child of the hop that wrote it, or the
     * start of a trace when the record carries none (written by a client that does not trace).
     */
    public Hop hop(String service, String step, String topic, Headers input) {
        if (!headers) {
            return Hop.NONE;
        }
        long received = nowMicros();
        String traceparent = text(input, TraceParent.HEADER);
        String tracestate = text(input, TraceParent.STATE_HEADER);
        long waited = HopStamp.parse(text(input, HopStamp.HEADER))
                .map(cause -> Math.max(0, received - cause.sentMicros())).orElse(-1L);
        return start(service, step, topic, TraceParent.parse(traceparent).orElse(null), tracestate, waited, received);
    }

    /**
     * A hop that starts in the current OpenTelemetry context: an HTTP request's {@code traceparent}
     * (put there by the HTTP layer, or by an agent that instruments it), or a new trace.
     */
    public Hop hopFromCurrentContext(String service, String step, String read) {
        if (!headers) {
            return Hop.NONE;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return start(service, step, read, TraceParent.parse(carrier.get(TraceParent.HEADER)).orElse(null),
                carrier.get(TraceParent.STATE_HEADER), -1, nowMicros());
    }

    /**
     * The hop that wrote {@code input} going on in the same task: a command a reaction hands to its
     * decider in place never crosses a topic, so reaction and decision are one hop, one span.
     */
    public Hop sameHop(String service, String step, String read, Headers input) {
        if (!headers) {
            return Hop.NONE;
        }
        Optional<TraceParent> context = TraceParent.parse(text(input, TraceParent.HEADER));
        Optional<HopStamp> stamp = HopStamp.parse(text(input, HopStamp.HEADER));
        if (context.isEmpty() || stamp.isEmpty()) {
            return hop(service, step, read, input);
        }
        HopStamp cause = stamp.get();
        return new Hop(context.get(), text(input, TraceParent.STATE_HEADER), cause.service(),
                cause.step() + "+" + step, cause.read(),
                cause.parentSpanId(), cause.waitedMicros(), cause.receivedMicros(), null);
    }

    private Hop start(String service, String step, String read, TraceParent parent, String tracestate, long waited,
                      long received) {
        String parentSpanId = parent == null ? HopStamp.NO_PARENT : parent.spanId();
        if (tracer == null) {
            TraceParent self = parent == null ? TraceParent.newTrace() : parent.child(TraceParent.randomSpanId());
            return new Hop(self, tracestate, service, step, read, parentSpanId, waited, received, null);
        }
        Context parentContext = parent == null ? Context.root() : remote(parent, tracestate);
        if (waited >= 0) {
            tracer.spanBuilder(read + " wait").setParent(parentContext).setSpanKind(SpanKind.INTERNAL)
                    .setAttribute("messaging.destination.name", read)
                    .setStartTimestamp(received - waited, TimeUnit.MICROSECONDS).startSpan()
                    .end(received, TimeUnit.MICROSECONDS);
        }
        Span span = tracer.spanBuilder(step + " process " + read).setParent(parentContext)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", read)
                .setAttribute("eventline.service", service)
                .setAttribute("eventline.step", step)
                .setStartTimestamp(received, TimeUnit.MICROSECONDS).startSpan();
        SpanContext own = span.getSpanContext();
        TraceParent self = own.isValid()
                ? new TraceParent(own.getTraceId(), own.getSpanId(), own.getTraceFlags().asHex())
                : parent == null ? TraceParent.newTrace() : parent.child(TraceParent.randomSpanId());
        return new Hop(self, tracestate, service, step, read, parentSpanId, waited, received, span);
    }

    // The parent as OpenTelemetry's own W3C propagator reads it, trace state included.
    private static Context remote(TraceParent parent, String tracestate) {
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TraceParent.HEADER, parent.header());
        if (tracestate != null) {
            carrier.put(TraceParent.STATE_HEADER, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP);
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static String text(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
