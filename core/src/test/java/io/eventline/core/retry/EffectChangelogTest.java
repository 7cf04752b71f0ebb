package io.eventline.core.retry;

import static io.eventline.core.retry.EffectWorld.eventId;
import static io.eventline.core.retry.EffectWorld.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an effect costs the changelogs, each record a committed Kafka record: its pending value, then
 * its outcome in its place, in the done store; nothing in the legacy pending store.
 */
class EffectChangelogTest {
    final EffectWorld world = new EffectWorld();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldWriteTwoRecordsAndKeepOnlyTheOutcomeWhenAnEffectSucceeds() {
        byte[] event = mail("ada");
        world.events.pipeInput("a", event);
        world.tick(); // settles the attempt, in a commit of its own

        List<TestRecord<String, byte[]>> written = changelog("mails-done").readRecordsToList();
        assertThat(written).extracting(TestRecord::key).containsExactly(eventId(event), eventId(event));
        assertThat(EffectValues.isPending(written.get(0).value())).as("first pending").isTrue();
        assertThat(EffectValues.readOutcome(written.get(1).value())).isEqualTo(EffectOutcome.done(1));
        assertThat(changelog("mails-pending").isEmpty()).isTrue();

        List<KeyValue<String, byte[]>> kept = entries("mails-done");
        assertThat(kept).singleElement().satisfies(entry -> {
            assertThat(entry.key).isEqualTo(eventId(event));
            assertThat(EffectValues.readOutcome(entry.value)).isEqualTo(EffectOutcome.done(1));
        });
        assertThat(entries("mails-pending")).isEmpty();
        assertThat(world.mailer.delivered).containsExactly("ada");
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return world.driver.createOutputTopic("eventline-mails-" + store + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private List<KeyValue<String, byte[]>> entries(String store) {
        KeyValueStore<String, byte[]> kept = world.driver.getKeyValueStore(store);
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = kept.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }
}
