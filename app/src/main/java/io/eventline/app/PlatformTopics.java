package io.eventline.app;

import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.kafka.Topic;
import io.eventline.core.projection.ProjectionVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * Every topic of the platform, collected from the modules that declare them ({@link ServiceModule#topics}):
 * all are created before any service starts, also those of services another process runs, since a
 * service's source topics must exist for its streams to start.
 *
 * <p>Dead letters: one topic per Kafka Streams application, named by {@link StreamsSettings#deadLetters}:
 * {@code <service>.dlq} for each service, here, and {@code <view>.dlq} for each read model, declared by
 * the module that runs it. They are kept forever, like events: a dead letter is often the last copy of
 * its record (commands go after a week), a replay needs its bytes, and there are few;
 * {@code eventline.dlq.replayed} (compacted) remembers which were replayed.
 */
final class PlatformTopics {
    private PlatformTopics() {
    }

    static List<Topic> all() {
        List<Topic> topics = new ArrayList<>();
        topics.add(Topic.compacted(ProjectionVersions.TOPIC, "read model"));
        topics.add(Topic.compacted(DeadLetterQueue.REPLAYED, "dead letter id"));
        for (ServiceModule module : Modules.ALL) {
            topics.addAll(module.topics());
            topics.add(StreamsSettings.deadLetters(ServiceStreams.applicationId(module.name())));
        }
        return topics;
    }

    /** The topics whose records a flow's hops write, and so carry its trace: events, commands, replies. */
    static List<String> traced() {
        return all().stream()
                .filter(topic -> switch (topic.kind()) {
                    case EVENTS, COMMANDS, REPLIES -> true;
                    case COMPACTED, DEAD_LETTERS -> false;
                })
                .map(Topic::name).distinct().toList();
    }
}
