package io.eventline.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.app.EventlineConfig;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.HopStamp;
import io.eventline.core.tracing.TraceParent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SpanExportTest {
    private static final Optional<URI> COLLECTOR = Optional.of(URI.create("http://127.0.0.1:1"));

    @Test
    void shouldExportNoSpanOfATraceTheRatioLeavesOutButStillStampItsRecords() {
        try (SpanExport export = SpanExport.start(new EventlineConfig.Telemetry(COLLECTOR, true, 0), "test")) {
            assertThat(export.tracing().exporting()).isTrue();
            try (Hop hop = export.tracing().hopFromCurrentContext("orders", "orders-api", "http")) {
                Headers headers = hop.stamp(new RecordHeaders());
                TraceParent written = TraceParent.parse(text(headers, TraceParent.HEADER)).orElseThrow();
                assertThat(written.sampled()).as("the flag tells the next hops to export nothing either").isFalse();
                assertThat(HopStamp.parse(text(headers, HopStamp.HEADER))).isPresent();
            }
        }
    }

    @Test
    void shouldRefuseARatioOutsideZeroToOne() {
        assertThatThrownBy(() -> new EventlineConfig.Telemetry(COLLECTOR, true, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--trace-sample-ratio");
        assertThatThrownBy(() -> new EventlineConfig.Telemetry(COLLECTOR, true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
