package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.Counters.Add;
import io.eventline.core.decider.Counters.Counter;
import io.eventline.core.decider.Counters.CounterCommand;
import io.eventline.core.decider.Counters.CounterEvent;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.testing.DeciderDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeciderTopologyTest {
    static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-22T11:00:00Z");

    final DeciderDriver<CounterCommand, Counter, CounterEvent> driver = new DeciderDriver<>(Counters.AGGREGATE);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldAppendTheEventsAndReplyWithTheNewStateWhenAccepted() {
        Reply reply = driver.send("c1", new Add(4), T1);

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.version()).isEqualTo(1);
        assertThat(reply.summary().get("value").intValue()).isEqualTo(4);
        List<TestRecord<String, byte[]>> appended = driver.appended();
        assertThat(appended).hasSize(1);
        TestRecord<String, byte[]> record = appended.getFirst();
        assertThat(record.key()).isEqualTo("c1");
        assertThat(record.timestamp()).isEqualTo(T1.toEpochMilli());
        EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
        assertThat(envelope.eventType()).isEqualTo("counter.added");
        assertThat(envelope.aggregateId()).isEqualTo("c1");
        assertThat(envelope.timestamp()).isEqualTo(T1);
        assertThat(envelope.metadata().causationId()).isEqualTo("cmd-1");
        assertThat(envelope.metadata().correlationId()).isEqualTo("corr-cmd-1");
        assertThat(envelope.metadata().source()).isEqualTo("counters");
        assertThat(header(record, "eventType")).isEqualTo("counter.added");
        assertThat(header(record, "ce_id")).isEqualTo(envelope.eventId().toString());
    }

    @Test
    void shouldAppendEveryEventOfOneCommandInOrder() {
        driver.send("c1", new Add(4), T1);
        Reply reply = driver.send("c1", new Add(6), T2);

        assertThat(reply.version()).isEqualTo(3);
        assertThat(driver.appended()).extracting(r -> EnvelopeCodec.fromBytes(r.value()).eventType())
                .containsExactly("counter.added", "counter.added", "counter.reached-ten");
        assertThat(driver.queries().current("c1")).get()
                .isEqualTo(new Snapshot<>(new Counter(10), 3, T2, T1));
    }

    @Test
    void shouldAppendNothingAndReplyWithTheReasonWhenRejected() {
        driver.send("c1", new Add(4), T1);
        driver.appended();

        Reply reply = driver.send("c1", new Add(0), T2);

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.rejection()).isEqualTo(new Reply.Refusal("counter.not-positive", "by", "add at least 1"));
        assertThat(reply.version()).isEqualTo(1);
        assertThat(driver.appended()).isEmpty();
        assertThat(driver.queries().current("c1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void shouldKeepAggregatesApart() {
        driver.send("c1", new Add(4), T1);
        driver.send("c10", new Add(5), T1);

        assertThat(driver.queries().current("c1").orElseThrow().state()).isEqualTo(new Counter(4));
        assertThat(driver.queries().events("c1")).hasSize(1);
        assertThat(driver.queries().events("c10")).hasSize(1);
        assertThat(driver.queries().current("c2")).isEmpty();
        assertThat(driver.queries().events("c2")).isEmpty();
    }

    @Test
    void shouldListEventsExactlyAsAppended() {
        driver.send("c1", new Add(4), T1);
        driver.send("c1", new Add(1), T2);
        List<EventEnvelope> onTopic = driver.appended().stream().map(r -> EnvelopeCodec.fromBytes(r.value())).toList();

        assertThat(driver.queries().events("c1")).isEqualTo(onTopic);
    }

    @Test
    void shouldAnswerTheStateAsOfAnyTime() {
        driver.send("c1", new Add(4), T1);
        driver.send("c1", new Add(1), T2);

        assertThat(driver.queries().asOf("c1", T1.minusMillis(1))).isEmpty();
        assertThat(driver.queries().asOf("c1", T1)).get().isEqualTo(new Snapshot<>(new Counter(4), 1, T1, T1));
        assertThat(driver.queries().asOf("c1", T2.minusSeconds(1)).orElseThrow().state()).isEqualTo(new Counter(4));
        assertThat(driver.queries().asOf("c1", T2)).get().isEqualTo(new Snapshot<>(new Counter(5), 2, T2, T1));
    }

    @Test
    void shouldNeverLetEventTimeGoBackWithinAnAggregate() {
        driver.send("c1", new Add(4), T2);
        driver.send("c1", new Add(1), T1); // a command stamped earlier, e.g. by a skewed clock

        assertThat(driver.queries().events("c1")).extracting(EventEnvelope::timestamp).containsExactly(T2, T2);
    }

    @Test
    void shouldDeriveEventIdsFromTheCommandSoThatAReplayGivesTheSameIds() {
        byte[] command = driver.envelope("same", "c1", new Add(4));
        driver.sendRaw("c1", command, T1);
        driver.sendRaw("c2", driver.envelope("same", "c2", new Add(4)), T1);

        List<EventEnvelope> events = driver.appended().stream().map(r -> EnvelopeCodec.fromBytes(r.value())).toList();
        assertThat(events.get(0).eventId()).isEqualTo(events.get(1).eventId());
    }

    @Test
    void shouldRejectACommandOfAnUnknownTypeAndGoOn() {
        String unknown = "{\"commandId\":\"x\",\"commandType\":\"counter.reset\",\"version\":1,\"aggregateId\":\"c1\","
                + "\"data\":{},\"metadata\":{\"correlationId\":\"x\",\"causationId\":\"x\",\"source\":\"test\"}}";
        driver.sendRaw("c1", unknown.getBytes(StandardCharsets.UTF_8), T1);
        driver.sendRaw("c1", "garbage".getBytes(StandardCharsets.UTF_8), T1);

        Reply next = driver.send("c1", new Add(2), T2);
        assertThat(next.accepted()).isTrue();
        assertThat(next.version()).isEqualTo(1);
    }

    private static String header(TestRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
