package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.tracing.HopStamp;
import io.eventline.core.tracing.TraceParent;
import io.eventline.core.tracing.Tracing;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record a hop writes carries the trace of what it read, as a child: {@code traceparent} with
 * the same trace id and the hop's own span id, and an {@code eventline-hop} stamp naming its parent
 * span; a command decided in place is the rest of its reaction's hop. With an OpenTelemetry tracer,
 * the spans are those the headers name.
 */
class TracedHopsTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TraceParent CALLER =
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    @TempDir
    Path stateDir;

    @Test
    void shouldContinueACommandsTraceOnItsEventsAndReply() {
        try (TallyWorld world = TallyWorld.service(stateDir)) {
            world.input(Tallies.AGGREGATE.commandTopic())
                    .pipeInput(new TestRecord<>("t1", Tallies.add("c1", "t1", 2), traced(CALLER), T1));

            TestRecord<String, byte[]> event = world.output(Tallies.AGGREGATE.eventTopic()).readRecord();
            TestRecord<String, byte[]> reply = world.output(Tallies.AGGREGATE.replyTopic()).readRecord();
            TraceParent hop = traceparent(event.headers());
            assertThat(hop.traceId()).isEqualTo(CALLER.traceId());
            assertThat(hop.spanId()).isNotEqualTo(CALLER.spanId());
            assertThat(traceparent(reply.headers())).as("one hop wrote both").isEqualTo(hop);
            HopStamp stamp = stamp(event.headers());
            assertThat(stamp.parentSpanId()).isEqualTo(CALLER.spanId());
            assertThat(stamp.service()).isEqualTo("tallies");
            assertThat(stamp.step()).isEqualTo("tallies-decide");
            assertThat(stamp.read()).isEqualTo(Tallies.AGGREGATE.commandTopic());
            assertThat(stamp.waitedMicros()).as("the caller wrote no stamp: its write time is unknown").isEqualTo(-1);
            assertThat(stamp.sentMicros()).isGreaterThanOrEqualTo(stamp.receivedMicros());
        }
    }

    @Test
    void shouldChainAReactionsCommandToItsEventAndItsEventToTheDecision() {
        try (TallyWorld world = TallyWorld.service(stateDir)) {
            world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), traced(CALLER), T1));
            TestRecord<String, byte[]> command = world.output(Tallies.AGGREGATE.commandTopic()).readRecord();
            assertThat(stamp(command.headers()).parentSpanId()).isEqualTo(CALLER.spanId());
            assertThat(stamp(command.headers()).step()).isEqualTo("tallies-on-bells");

            world.input(Tallies.AGGREGATE.commandTopic()).pipeInput(
                    new TestRecord<>(command.key(), command.value(), command.headers(), T1));
            TestRecord<String, byte[]> event = world.output(Tallies.AGGREGATE.eventTopic()).readRecord();
            assertThat(traceparent(event.headers()).traceId()).isEqualTo(CALLER.traceId());
            assertThat(stamp(event.headers()).parentSpanId()).isEqualTo(traceparent(command.headers()).spanId());
            assertThat(stamp(event.headers()).waitedMicros()).as("the command's stamp says when it was written")
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void shouldMakeOneHopOfAReactionAndItsDecisionInPlace() {
        try (TallyWorld world = TallyWorld.inPlace(stateDir)) {
            world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), traced(CALLER), T1));

            TestRecord<String, byte[]> event = world.output(Tallies.AGGREGATE.eventTopic()).readRecord();
            assertThat(traceparent(event.headers()).traceId()).isEqualTo(CALLER.traceId());
            HopStamp stamp = stamp(event.headers());
            assertThat(stamp.parentSpanId()).isEqualTo(CALLER.spanId());
            assertThat(stamp.step()).isEqualTo("tallies-on-bells+tallies-decide");
            assertThat(stamp.read()).isEqualTo(Tallies.BELL_TOPIC);
        }
    }

    @Test
    void shouldStartATraceForARecordThatCarriesNone() {
        try (TallyWorld world = TallyWorld.service(stateDir)) {
            world.input(Tallies.AGGREGATE.commandTopic()).pipeInput(new TestRecord<>("t1", Tallies.add("c1", "t1", 2), T1));
            world.input(Tallies.AGGREGATE.commandTopic()).pipeInput(new TestRecord<>("t1", Tallies.add("c2", "t1", 2), T1));

            List<TestRecord<String, byte[]>> events = world.output(Tallies.AGGREGATE.eventTopic()).readRecordsToList();
            assertThat(events).extracting(event -> stamp(event.headers()).startedTrace()).containsExactly(true, true);
            assertThat(traceparent(events.get(0).headers()).traceId())
                    .isNotEqualTo(traceparent(events.get(1).headers()).traceId());
        }
    }

    @Test
    void shouldWriteNoTraceHeadersWhenTracingIsOff() {
        try (TallyWorld world = TallyWorld.inPlace(stateDir, Map.of(Tracing.CONFIG, Tracing.off()))) {
            world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), traced(CALLER), T1));

            Headers headers = world.output(Tallies.AGGREGATE.eventTopic()).readRecord().headers();
            assertThat(headers.lastHeader(TraceParent.HEADER)).isNull();
            assertThat(headers.lastHeader(HopStamp.HEADER)).isNull();
            assertThat(headers.lastHeader("eventType")).as("the envelope's headers stay").isNotNull();
        }
    }

    @Test
    void shouldExportTheSpansTheHeadersName() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
             TallyWorld world = TallyWorld.inPlace(stateDir,
                     Map.of(Tracing.CONFIG, Tracing.exportingThrough(provider.get("test"))))) {
            Headers written = traced(CALLER);
            written.add(HopStamp.HEADER, new HopStamp("bells", "ringer", "http", "-", -1, 0, 1).header()
                    .getBytes(StandardCharsets.UTF_8));
            world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), written, T1));

            TraceParent hop = traceparent(world.output(Tallies.AGGREGATE.eventTopic()).readRecord().headers());
            List<SpanData> spans = exported.getFinishedSpanItems();
            assertThat(spans).extracting(SpanData::getName)
                    .containsExactlyInAnyOrder("bells.events wait", "tallies-on-bells process bells.events");
            assertThat(spans).allSatisfy(span -> {
                assertThat(span.getTraceId()).isEqualTo(CALLER.traceId());
                assertThat(span.getParentSpanId()).isEqualTo(CALLER.spanId());
            });
            SpanData process = spans.stream().filter(span -> span.getName().contains("process")).findFirst().orElseThrow();
            assertThat(process.getSpanId()).as("the span the event names as its writer").isEqualTo(hop.spanId());
        }
    }

    private static Headers traced(TraceParent parent) {
        return new RecordHeaders().add(TraceParent.HEADER, parent.header().getBytes(StandardCharsets.UTF_8));
    }

    private static TraceParent traceparent(Headers headers) {
        return TraceParent.parse(text(headers, TraceParent.HEADER)).orElseThrow();
    }

    private static HopStamp stamp(Headers headers) {
        return HopStamp.parse(text(headers, HopStamp.HEADER)).orElseThrow();
    }

    private static String text(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
