package io.eventline.app;

import io.eventline.core.kafka.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics Eventline needs with AdminClient, leaving existing ones as they are: a second
 * start on the same cluster, or several instances starting together, is harmless. Returns once every
 * partition of those it created has a leader ({@link TopicLeaders}), so that no stream starts on one
 * that has none yet.
 */
final class Topics {
    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    /** How long new topics may take to get their leaders; a start past it fails, saying which. */
    private static final Duration LEADERS_LIMIT = Duration.ofSeconds(30);

    /** How long each kind of topic keeps what it holds. */
    static Map<String, String> configs(Topic.Kind kind) {
        return switch (kind) {
            // Events and dead letters: kept forever, the log is the system of record.
            case EVENTS, DEAD_LETTERS -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG, "-1");
            // State per key (e.g. customers): the latest value per key forever, tombstones for deletes.
            case COMPACTED -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            // Commands: consumed within seconds; a week leaves room to investigate.
            case COMMANDS -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 3600 * 1000));
            // Replies: only a waiting caller reads them.
            case REPLIES -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(3600L * 1000));
        };
    }

    private Topics() {
    }

    static void ensure(Map<String, Object> clientSettings, List<Topic> topics, int partitions) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : topics) {
                if (!existing.contains(topic.name())) {
                    // Replication: the cluster's default (1 on the embedded broker, the operator's choice on a real one).
                    NewTopic created = new NewTopic(topic.name(), Optional.of(partitions), Optional.empty());
                    missing.add(created.configs(configs(topic.kind())));
                }
            }
            if (!missing.isEmpty()) {
                create(admin, missing);
                List<String> names = missing.stream().map(NewTopic::name).toList();
                new TopicLeaders(wanted -> describe(admin, wanted), LEADERS_LIMIT, Duration.ofMillis(50))
                        .await(names, partitions);
                LOG.info("Created topics {}", names);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list or create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** The topics the cluster knows now; one it does not know yet is left out. */
    private static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics) {
        Map<String, TopicDescription> known = new HashMap<>();
        for (var topic : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                known.put(topic.getKey(), topic.getValue().get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topic " + topic.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            }
        }
        return known;
    }

    private static void create(Admin admin, List<NewTopic> topics) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another instance created it meanwhile: fine; anything else is not
            }
        }
    }
}
