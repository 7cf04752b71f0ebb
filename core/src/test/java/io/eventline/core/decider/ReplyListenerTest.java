package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.Json;
import io.eventline.core.tracing.Tracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reply listener whose consumer fails: seen dead, restarted from where it stopped, nothing lost. */
class ReplyListenerTest {
    private static final String TOPIC = "counters.replies";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final List<MockConsumer<String, byte[]>> consumers = new ArrayList<>();
    private final ReplyListener listener = new ReplyListener(TOPIC, this::newConsumer);
    private final CommandGateway<Counters.CounterCommand> gateway = new CommandGateway<>(Counters.AGGREGATE, listener,
            Map.of("bootstrap.servers", "127.0.0.1:1"), Duration.ofSeconds(10), Tracing.headersOnly());

    @AfterEach
    void close() {
        gateway.close();
    }

    private MockConsumer<String, byte[]> newConsumer() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("latest");
        Node node = new Node(0, "127.0.0.1", 1);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node},
                new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        consumers.add(consumer);
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> reply(long offset, String commandId) {
        Reply reply = new Reply(commandId, "c-1", 1, null, List.of("counter.added"), null);
        return new ConsumerRecord<>(TOPIC, 0, offset, "c-1", Json.write(reply));
    }

    @Test
    void shouldCompleteTheCallerWhenItsReplyIsRead() {
        CompletableFuture<Reply> caller = listener.expect("cmd-1");
        consumers.getLast().schedulePollTask(() -> consumers.getFirst().addRecord(reply(0, "cmd-1")));
        assertThat(caller.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join().version()).isEqualTo(1);
        assertThat(gateway.checkReplies()).isTrue();
    }

    @Test
    void shouldPassOverAReplyItCannotReadWhenOneComesAndStayAlive() {
        CompletableFuture<Reply> caller = listener.expect("cmd-2");
        MockConsumer<String, byte[]> consumer = consumers.getFirst();
        consumer.schedulePollTask(() -> {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "c-1", null));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "c-1", "{".getBytes()));
            consumer.addRecord(reply(2, "cmd-2"));
        });
        assertThat(caller.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join().commandId()).isEqualTo("cmd-2");
        assertThat(listener.alive()).isTrue();
    }

    @Test
    void shouldBeSeenDeadOnceAndRestartedFromWhereItStoppedWhenItsConsumerFails() throws InterruptedException {
        CompletableFuture<Reply> before = listener.expect("cmd-3");
        MockConsumer<String, byte[]> first = consumers.getFirst();
        first.schedulePollTask(() -> first.addRecord(reply(0, "other")));
        first.schedulePollTask(() -> first.setPollException(new KafkaException("broker said no")));
        assertThat(listener.awaitStopped(Duration.ofSeconds(10))).as("stopped by the failure").isFalse();

        assertThat(gateway.checkReplies()).as("dead: not ready, and restarted").isFalse();
        assertThat(listener.restarts()).isEqualTo(1);
        assertThat(gateway.checkReplies()).as("alive again").isTrue();
        MockConsumer<String, byte[]> second = consumers.getLast();
        assertThat(second).isNotSameAs(first);
        assertThat(second.position(PARTITION)).as("resumed after the last reply read").isEqualTo(1);
        second.schedulePollTask(() -> second.addRecord(reply(1, "cmd-3")));
        assertThat(before.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join().commandId())
                .as("a caller waiting across the failure still gets its reply").isEqualTo("cmd-3");
    }
}
