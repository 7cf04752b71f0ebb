package io.eventline.app.http;

import io.eventline.core.logging.CorrelationMdc;
import io.eventline.core.tracing.TraceParent;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import org.slf4j.MDC;

/**
 * A request's W3C trace context ({@code traceparent}, {@code tracestate}) made OpenTelemetry's current
 * context while it is served, so that a command it sends continues the caller's trace
 * ({@link io.eventline.core.decider.CommandGateway}); its trace id in the logging context. Every
 * request sets its own context, the root when it names none, so a thread that serves another request
 * next never lends it a trace.
 */
final class IncomingTrace {
    private static final String SCOPE = IncomingTrace.class.getName() + ".scope";
    private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
            return List.of(TraceParent.HEADER, TraceParent.STATE_HEADER);
        }

        @Override
        public String get(Context ctx, String key) {
            return ctx == null ? null : ctx.header(key);
        }
    };

    private IncomingTrace() {
    }

    static void open(Context ctx) {
        io.opentelemetry.context.Context trace = W3CTraceContextPropagator.getInstance()
                .extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
        ctx.attribute(SCOPE, trace.makeCurrent());
        TraceParent.parse(ctx.header(TraceParent.HEADER))
                .ifPresent(parent -> MDC.put(CorrelationMdc.TRACE_KEY, parent.traceId()));
    }

    static void close(Context ctx) {
        Scope scope = ctx.attribute(SCOPE);
        if (scope != null) {
            scope.close();
        }
        MDC.remove(CorrelationMdc.TRACE_KEY);
    }
}
