package io.eventline.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A platform whose work is done comes to rest: no consumer offsets committed, no transaction written.
 * A Kafka Streams task commits after every punctuation, so a punctuator left ticking on an idle task
 * (the mail effect's, the saga's) would commit a transaction every commit interval for ever.
 */
final class AtRest {
    private static final List<String> COORDINATOR_TOPICS = List.of("__consumer_offsets", "__transaction_state");
    private static final Duration QUIET = Duration.ofSeconds(2);

    private AtRest() {
    }

    /** Waits (at most 60 s) for a quiet spell of 2 s in which the coordinators' logs did not grow. */
    static void assertComesToRest(String label, String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long[] last = {ends(admin), System.nanoTime()};
            await(label + ": the platform comes to rest (no offset commit, no transaction for "
                    + QUIET.toSeconds() + " s)").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        long now = ends(admin);
                        if (now != last[0]) {
                            last[0] = now;
                            last[1] = System.nanoTime();
                            return false;
                        }
                        return System.nanoTime() - last[1] >= QUIET.toNanos();
                    });
        }
    }

    /** The sum of the coordinator topics' end offsets: it grows with every commit and transaction. */
    private static long ends(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(COORDINATOR_TOPICS).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset()).sum();
    }
}
