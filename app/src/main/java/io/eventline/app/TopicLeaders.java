package io.eventline.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Waits until every partition of topics just created has a leader. Until then a client that asks for
 * them may be told there are none (a global table's consumer then fails the stream: "no partitions
 * available"), and a transactional producer whose first batch to a partition is refused has its next
 * ones refused too, as out of order (transactions v2 holds no state for it, KAFKA-18202). A bounded
 * poll: creation is asynchronous in KRaft and Admin offers nothing to await.
 */
final class TopicLeaders {
    private final Function<Collection<String>, Map<String, TopicDescription>> describe;
    private final Duration limit;
    private final Duration pause;

    /**
     * @param describe what the cluster says of these topics now; a topic it does not know yet is left
     *     out of the answer
     */
    TopicLeaders(Function<Collection<String>, Map<String, TopicDescription>> describe, Duration limit,
                 Duration pause) {
        this.describe = describe;
        this.limit = limit;
        this.pause = pause;
    }

    /** @throws IllegalStateException naming what is still leaderless when {@code limit} has passed */
    void await(Collection<String> topics, int partitions) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> leaderless = leaderless(topics, partitions, describe.apply(topics));
        while (!leaderless.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("topics created but without a leader after " + limit.toSeconds()
                        + " s: " + leaderless + "; is every broker of the cluster up?");
            }
            LockSupport.parkNanos(pause.toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the leaders of " + leaderless);
            }
            leaderless = leaderless(topics, partitions, describe.apply(topics));
        }
    }

    /** Each topic unknown, with fewer partitions than asked, or with a partition without a leader. */
    static List<String> leaderless(Collection<String> topics, int partitions, Map<String, TopicDescription> known) {
        return topics.stream().filter(topic -> {
            TopicDescription description = known.get(topic);
            return description == null || description.partitions().size() < partitions
                    || !description.partitions().stream().allMatch(TopicLeaders::led);
        }).sorted().toList();
    }

    private static boolean led(TopicPartitionInfo partition) {
        return partition.leader() != null && !partition.leader().isEmpty();
    }
}
