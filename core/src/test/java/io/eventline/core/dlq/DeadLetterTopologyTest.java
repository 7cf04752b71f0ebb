package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.Timestamps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of bad record on a decider's command topic and on a reaction's event topic lands on the
 * application's dead-letter topic, byte for byte, with its reason and coordinates; the next good
 * record is processed.
 */
class DeadLetterTopologyTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private TallyWorld world;
    private TestInputTopic<String, byte[]> commands;
    private TestInputTopic<String, byte[]> bells;

    @BeforeEach
    void start() {
        world = TallyWorld.service(stateDir);
        commands = world.input(Tallies.AGGREGATE.commandTopic());
        bells = world.input(Tallies.BELL_TOPIC);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @ParameterizedTest
    @EnumSource(Tallies.Bad.class)
    void shouldDeadLetterABadCommandAndDecideTheNextWhenACommandCannotBeRead(Tallies.Bad bad) {
        commands.pipeInput(new TestRecord<>("t1", Tallies.add("c0", "t1", 1), T1));
        byte[] value = bad.command("t1");
        commands.pipeInput(new TestRecord<>("t1", value, traced("trace-1"), T1));
        commands.pipeInput(new TestRecord<>("t1", Tallies.add("c2", "t1", 2), T1));

        List<TestRecord<String, byte[]>> letters = world.deadLetters();
        assertThat(world.queue()).isEqualTo("tallies.dlq");
        assertThat(letters).hasSize(1);
        assertDeadLetter(letters.getFirst(), value, bad.reason, Tallies.AGGREGATE.commandTopic(), 1);
        assertThat(header(letters.getFirst(), "trace")).as("the original headers are kept").isEqualTo("trace-1");
        assertThat(world.replies().getLast().version()).as("the next command was decided").isEqualTo(2);
    }

    @Test
    void shouldRefuseTheSenderTooWhenACommandOfAnUnknownTypeIsDeadLettered() {
        commands.pipeInput(new TestRecord<>("t1", Tallies.Bad.UNKNOWN_TYPE.command("t1"), T1));

        assertThat(world.replies()).singleElement()
                .satisfies(reply -> assertThat(reply.rejection().code()).isEqualTo("command.malformed"));
        assertThat(world.deadLetters()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Tallies.Bad.class)
    void shouldDeadLetterABadEventAndReactToTheNextWhenAnEventCannotBeRead(Tallies.Bad bad) {
        byte[] value = bad.event("t1");
        bells.pipeInput(new TestRecord<>("t1", value, traced("trace-2"), T1));
        bells.pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), T1));

        List<TestRecord<String, byte[]>> letters = world.deadLetters();
        assertThat(letters).hasSize(1);
        assertDeadLetter(letters.getFirst(), value, bad.reason, Tallies.BELL_TOPIC, 0);
        assertThat(world.output(Tallies.AGGREGATE.commandTopic()).readValuesToList())
                .as("the next event was reacted to").hasSize(1);
    }

    @Test
    void shouldNameTheCorrelationIdInTheLogLinesWrittenWhileAProcessorHandlesARecord() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(DeadLetters.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        byte[] command = Tallies.Bad.UNKNOWN_TYPE.command("t1");
        try {
            RecordHeaders headers = traced("trace-3");
            headers.add("correlationId", "order-7".getBytes(StandardCharsets.UTF_8));
            bells.pipeInput(new TestRecord<>("t1", Tallies.Bad.UNKNOWN_TYPE.event("t1"), headers, T1));
            commands.pipeInput(new TestRecord<>("t1", command, T1));
        } finally {
            logger.detachAppender(lines);
        }
        String commandCorrelation = io.eventline.core.envelope.Json.readTree(command)
                .path("metadata").path("correlationId").asText();
        assertThat(lines.list).extracting(line -> line.getMDCPropertyMap().get("correlationId"))
                .as("the event's header, then the command's metadata").containsExactly("order-7", commandCorrelation);
        assertThat(org.slf4j.MDC.get("correlationId")).as("nothing left once handled").isNull();
    }

    @Test
    void shouldCountOneMoreAttemptWhenAReplayedRecordFailsAgain() {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, "tallies.dlq".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.ATTEMPTS, "2".getBytes(StandardCharsets.UTF_8));
        bells.pipeInput(new TestRecord<>("t1", Tallies.Bad.GARBAGE.event("t1"), headers, T1));

        TestRecord<String, byte[]> letter = world.deadLetters().getFirst();
        assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(letter.headers().lastHeader(DeadLetterHeaders.REPLAY_FOR)).isNull();
        assertThat(letter.headers().headers(DeadLetterHeaders.ATTEMPTS)).hasSize(1);
    }

    @Test
    void shouldPassOverAReplayWhenItIsForAnotherApplication() {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, "chimes.dlq".getBytes(StandardCharsets.UTF_8));
        bells.pipeInput(new TestRecord<>("t1", Tallies.Bad.GARBAGE.event("t1"), headers, T1));
        bells.pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), headers, T1));

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.output(Tallies.AGGREGATE.commandTopic()).readValuesToList()).isEmpty();
    }

    @Test
    void shouldLeaveItToKafkaStreamsDeadLetterQueueWhenProcessingThrows() {
        byte[] value = Tallies.add("c1", "t1", Tallies.UNLUCKY);
        commands.pipeInput(new TestRecord<>("t1", value, traced("trace-3"), T1));
        commands.pipeInput(new TestRecord<>("t1", Tallies.add("c2", "t1", 2), T1));

        TestRecord<String, byte[]> letter = world.deadLetters().getFirst();
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, DeadLetterHeaders.STREAMS_TOPIC)).isEqualTo(Tallies.AGGREGATE.commandTopic());
        DeadLetterEntry entry = DeadLetterEntry.of(world.asConsumed(letter, 7)).orElseThrow();
        assertThat(entry.id()).isEqualTo("tallies.dlq-0-7");
        assertThat(entry.reason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED.code());
        assertThat(entry.error()).isEqualTo("IllegalStateException: a bug met 13");
        assertThat(entry.topic()).isEqualTo(Tallies.AGGREGATE.commandTopic());
        assertThat(entry.offset()).isZero();
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(world.replies().getLast().accepted()).as("the next command was decided").isTrue();
    }

    @Test
    void shouldListOurDeadLetterWithItsCoordinatesWhenReadBack() {
        bells.pipeInput(new TestRecord<>("t1", Tallies.Bad.FUTURE_VERSION.event("t1"), T1));

        DeadLetterEntry entry = DeadLetterEntry.of(world.asConsumed(world.deadLetters().getFirst(), 3)).orElseThrow();
        assertThat(entry).extracting(DeadLetterEntry::id, DeadLetterEntry::queue, DeadLetterEntry::topic,
                        DeadLetterEntry::partition, DeadLetterEntry::offset, DeadLetterEntry::reason,
                        DeadLetterEntry::attempts, DeadLetterEntry::replayed)
                .containsExactly("tallies.dlq-0-3", "tallies.dlq", Tallies.BELL_TOPIC, 0,
                        0L, "unsupported-version", 1, false);
        assertThat(entry.error()).contains("version 99");
    }

    private static void assertDeadLetter(TestRecord<String, byte[]> letter, byte[] value, DeadLetterReason reason,
                                         String topic, long offset) {
        assertThat(letter.key()).isEqualTo("t1");
        assertThat(letter.value()).as("the original bytes").isEqualTo(value);
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(reason.code());
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(topic);
        assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(offset));
        assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(letter, DeadLetterHeaders.ERROR)).isNotBlank().doesNotContain("\n");
        assertThat(Timestamps.parse(header(letter, DeadLetterHeaders.AT))).isNotNull();
    }

    private static RecordHeaders traced(String trace) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", trace.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    static String header(TestRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
