package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventline.app.broker.EmbeddedBroker;
import io.eventline.core.dlq.DeadLetterEntry;
import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.dlq.DeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/dlq}'s queue with 100,000 dead letters written straight to a dead-letter topic: paged
 * through whole and in order, its depth exact, and each call reading only what was appended since the
 * last (the topics are not read again from offset 0). A broker alone, no platform: fast.
 */
@Tag("integration")
class DeadLetterPagingTest {
    private static final int LETTERS = 100_000;
    private static final String QUEUE = "paging.dlq";
    private static final String SOURCE = "paging.events";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(180)
    void shouldPageThroughEveryDeadLetterOnceWhenThereAre100000AndRereadNothing() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", 0)) {
            Map<String, Object> clients = Map.of("bootstrap.servers", broker.bootstrapServers());
            try (Admin admin = Admin.create(clients)) {
                admin.createTopics(List.of(new NewTopic(QUEUE, 3, (short) 1), new NewTopic(SOURCE, 3, (short) 1),
                        new NewTopic(DeadLetterQueue.REPLAYED, 1, (short) 1)
                                .configs(Map.of("cleanup.policy", "compact")))).all().get();
            }
            writeDeadLetters(clients, 0, LETTERS);
            try (DeadLetterQueue queue = new DeadLetterQueue(clients)) {
                List<DeadLetterEntry> all = pageThrough(queue, 1000);
                assertThat(all).hasSize(LETTERS);
                assertThat(all.stream().map(DeadLetterEntry::id).distinct().count()).isEqualTo(LETTERS);
                for (int i = 1; i < all.size(); i++) {
                    assertThat(all.get(i).at()).as("newest first at %d", i).isBeforeOrEqualTo(all.get(i - 1).at());
                }
                long read = queue.recordsRead();
                assertThat(read).isEqualTo(LETTERS);
                assertThat(queue.depths()).containsEntry(QUEUE, (long) LETTERS);
                assertThat(pageThrough(queue, 1000)).isEqualTo(all);
                assertThat(queue.recordsRead()).as("nothing read again").isEqualTo(read);

                DeadLetterEntry middle = all.get(LETTERS / 2);
                queue.replay(middle.id());
                // The commit's markers reach the partitions just after commitTransaction returns.
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(queue.depths()).containsEntry(QUEUE, LETTERS - 1L));
                assertThat(queue.page(1, Optional.of(all.get(LETTERS / 2 - 1).id())).getFirst().replayed()).isTrue();
                writeDeadLetters(clients, LETTERS, 10);
                assertThat(queue.page(10, Optional.empty())).extracting(DeadLetterEntry::offset)
                        .allMatch(offset -> offset >= LETTERS);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(queue.depths()).containsEntry(QUEUE, LETTERS + 9L));
                assertThat(queue.recordsRead() - read).as("the mark and the 10 new letters only").isLessThan(20);
            }
        }
    }

    private static List<DeadLetterEntry> pageThrough(DeadLetterQueue queue, int limit) {
        List<DeadLetterEntry> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<DeadLetterEntry> page = queue.page(limit, after);
            page.forEach(entry -> assertThat(seen.add(entry.id())).as("listed once: %s", entry.id()).isTrue());
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(page.getLast().id());
        }
    }

    /** Dead letters as a service writes them: the original's bytes, the reason headers; offsets {@code from…}. */
    private static void writeDeadLetters(Map<String, Object> clients, int from, int count) throws Exception {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                clients.get("bootstrap.servers"), "linger.ms", 20, "batch.size", 256 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                RecordHeaders headers = new RecordHeaders();
                header(headers, DeadLetterHeaders.REASON, "unreadable");
                header(headers, DeadLetterHeaders.ERROR, "garbage " + i);
                header(headers, DeadLetterHeaders.TOPIC, SOURCE);
                header(headers, DeadLetterHeaders.PARTITION, Integer.toString(i % 3));
                header(headers, DeadLetterHeaders.OFFSET, Integer.toString(i));
                // Some share a millisecond: the order must still be total for the cursor.
                header(headers, DeadLetterHeaders.AT, start.plusMillis(i / 3).toString());
                producer.send(new ProducerRecord<>(QUEUE, i % 3, null, ("k" + i).getBytes(StandardCharsets.UTF_8),
                        ("v" + i).getBytes(StandardCharsets.UTF_8), headers));
            }
            producer.flush();
        }
    }

    private static void header(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
