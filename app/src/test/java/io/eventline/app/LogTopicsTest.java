package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.app.verify.LogTopics;
import io.eventline.core.kafka.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier reads the topics the platform creates: a topic added to one and not the other fails here. */
class LogTopicsTest {
    @Test
    void shouldReadEveryEventAndCommandTopicThePlatformCreates() {
        List<String> events = PlatformTopics.all().stream().filter(topic -> topic.kind() == Topic.Kind.EVENTS)
                .map(Topic::name).filter(name -> name.endsWith(".events")).toList();
        List<String> commands = PlatformTopics.all().stream().filter(topic -> topic.kind() == Topic.Kind.COMMANDS)
                .map(Topic::name).filter(name -> name.endsWith(".commands")).toList();

        assertThat(LogTopics.platform().events()).containsExactlyInAnyOrderElementsOf(events);
        assertThat(LogTopics.platform().commands()).containsExactlyInAnyOrderElementsOf(commands);
        assertThat(PlatformTopics.all()).extracting(Topic::name).containsAll(LogTopics.platform().states());
    }
}
