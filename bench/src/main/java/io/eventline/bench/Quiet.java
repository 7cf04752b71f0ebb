package io.eventline.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until nothing is written any more: the end offsets of every topic unchanged for a while. The
 * services downstream of an order's end (notifications, analytics, read models) finish their part,
 * so that a phase neither counts nor competes with the previous one's tail.
 */
final class Quiet {
    private Quiet() {
    }

    /**
     * When writing stopped, and when each topic was last seen written: which part of the platform
     * finished last (the long pole of a phase), to the 200 ms between looks.
     *
     * @param lastWrite {@link System#nanoTime()} of the last write seen
     * @param lastWriteByTopic the same per topic, for topics written after the wait began
     */
    record Settled(long lastWrite, Map<String, Long> lastWriteByTopic) {
        Settled {
            lastWriteByTopic = Map.copyOf(lastWriteByTopic);
        }

        /** The {@code count} topics written last, newest first. */
        List<Map.Entry<String, Long>> last(int count) {
            return lastWriteByTopic.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(count).toList();
        }
    }

    /** @return empty when writes had not stopped within {@code limit} */
    static Optional<Settled> await(Cluster cluster, Duration stableFor, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, Long> ends = null;
        Map<String, Long> lastWriteByTopic = new HashMap<>();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Map<String, Long> now = perTopic(cluster.endOffsets(cluster.topics()));
            long seen = System.nanoTime();
            if (ends == null || !now.equals(ends)) {
                if (ends != null) {
                    for (Map.Entry<String, Long> topic : now.entrySet()) {
                        if (!topic.getValue().equals(ends.get(topic.getKey()))) {
                            lastWriteByTopic.put(topic.getKey(), seen);
                        }
                    }
                }
                ends = now;
                stableSince = seen;
            } else if (seen - stableSince >= stableFor.toNanos()) {
                return Optional.of(new Settled(stableSince, lastWriteByTopic));
            }
            Pause.of(Duration.ofMillis(200));
        }
        return Optional.empty();
    }

    private static Map<String, Long> perTopic(Map<TopicPartition, Long> ends) {
        Map<String, Long> topics = new HashMap<>();
        ends.forEach((partition, end) -> topics.merge(partition.topic(), end, Long::sum));
        return topics;
    }
}
