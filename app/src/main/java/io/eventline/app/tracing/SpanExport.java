package io.eventline.app.tracing;

import io.eventline.app.EventlineConfig;
import io.eventline.core.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spans of every hop, sent to an OpenTelemetry collector over OTLP/HTTP when an endpoint is set:
 * OpenTelemetry's SDK with a batching processor (spans leave in batches off the stream threads), or
 * nothing at all when none is, and records then carry only their trace headers. Closing flushes the
 * spans not yet sent.
 */
public final class SpanExport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpanExport.class);
    private static final String INSTRUMENTATION = "io.eventline";

    private final SdkTracerProvider provider; // null: no spans
    private final Tracing tracing;

    private SpanExport(SdkTracerProvider provider, Tracing tracing) {
        this.provider = provider;
        this.tracing = tracing;
    }

    /** @param serviceName the {@code service.name} the spans are reported under */
    public static SpanExport start(EventlineConfig.Telemetry telemetry, String serviceName) {
        if (telemetry.tracesUrl().isEmpty()) {
            return new SpanExport(null, telemetry.traceHeaders() ? Tracing.headersOnly() : Tracing.off());
        }
        String url = telemetry.tracesUrl().get().toString();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
                // A trace's first hop decides, by the ratio, unless the caller's traceparent did; every
                // later hop follows the sampled flag the headers carry.
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(telemetry.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(url).build())
                        .build())
                .build();
        LOG.info("Sending a span per hop to {}", url);
        return new SpanExport(provider, Tracing.exportingThrough(provider.get(INSTRUMENTATION)));
    }

    /** What the processors and gateways trace with. */
    public Tracing tracing() {
        return tracing;
    }

    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
