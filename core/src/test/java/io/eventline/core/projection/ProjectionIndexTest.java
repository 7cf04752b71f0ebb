package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.query.RecencyIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A projection's index moves each view to the time of its last event, in the lists its view is in now. */
class ProjectionIndexTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    /** The view is the type of the key's last event; it is listed under "all" and under that type. */
    static final Projection<String> LAST_TYPE = new Projection<>("last-type", List.of("things.events"),
            String.class, new Projector<>() {
                @Override
                public String initial() {
                    return "";
                }

                @Override
                public Optional<String> keyOf(EventEnvelope event) {
                    return Optional.of(event.aggregateId());
                }

                @Override
                public String apply(String view, EventEnvelope event) {
                    return event.eventType();
                }
            }, false).indexedBy(type -> List.of("all", "type=" + type));

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepOneEntryPerListOfEachViewAtItsLastChangeWhenViewsChange() {
        StreamsBuilder builder = new StreamsBuilder();
        ProjectionTopology.addTo(builder, LAST_TYPE, 1);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, LAST_TYPE.applicationId(1));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
            TestInputTopic<String, byte[]> things = driver.createInputTopic("things.events", new StringSerializer(),
                    new ByteArraySerializer());
            things.pipeInput("a", event("a", "thing.made", T0));
            things.pipeInput("b", event("b", "thing.made", T0.plusSeconds(1)));
            things.pipeInput("a", event("a", "thing.sold", T0.plusSeconds(2)));
            things.pipeInput("c", event("c", "thing.made", T0.plusSeconds(2)));

            KeyValueStore<String, byte[]> index = driver.getKeyValueStore(LAST_TYPE.indexStore(1));
            List<String> keys = new ArrayList<>();
            try (var all = index.all()) {
                all.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
            }
            assertThat(keys).containsExactlyInAnyOrder(
                    RecencyIndex.key("all", T0.plusSeconds(2), "a"), RecencyIndex.key("type=thing.sold", T0.plusSeconds(2), "a"),
                    RecencyIndex.key("all", T0.plusSeconds(1), "b"), RecencyIndex.key("type=thing.made", T0.plusSeconds(1), "b"),
                    RecencyIndex.key("all", T0.plusSeconds(2), "c"), RecencyIndex.key("type=thing.made", T0.plusSeconds(2), "c"));
            assertThat(RecencyIndex.newest(List.of(index), "all", 10)).containsExactly("a", "c", "b");
            assertThat(RecencyIndex.newest(List.of(index), "type=thing.made", 10)).containsExactly("c", "b");
        }
    }

    @Test
    void shouldRebuildTheIndexFromTheViewsWhenItsTaskStartsWhateverItHeld() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, byte[]> views = store(context, LAST_TYPE.store(1));
        KeyValueStore<String, byte[]> index = store(context, LAST_TYPE.indexStore(1));
        ProjectedCodec<String> codec = new ProjectedCodec<>(String.class);
        views.put("a", codec.write(new Projected<>("thing.sold", 2, T0.plusSeconds(2))));
        views.put("b", codec.write(new Projected<>("thing.made", 1, T0.plusSeconds(1))));

        new IndexWriter<>(LAST_TYPE.index().orElseThrow(), index, views, codec).backfillSoon(context);
        context.scheduledPunctuators().getFirst().getPunctuator().punctuate(0);

        assertThat(RecencyIndex.newest(List.of(index), "all", 10)).containsExactly("a", "b");
        assertThat(RecencyIndex.newest(List.of(index), "type=thing.made", 10)).containsExactly("b");
        assertThat(context.scheduledPunctuators().getFirst().cancelled()).as("once").isTrue();

        // The task starts again with an index on disk from another time (it has no changelog): an entry
        // of a view since gone, and none yet for a view written meanwhile, elsewhere.
        RecencyIndex.put(index, List.of("all", "type=thing.made"), T0.plusSeconds(9), "gone");
        views.put("c", codec.write(new Projected<>("thing.made", 1, T0.plusSeconds(3))));
        new IndexWriter<>(LAST_TYPE.index().orElseThrow(), index, views, codec).backfillSoon(context);
        context.scheduledPunctuators().getLast().getPunctuator().punctuate(0);
        assertThat(RecencyIndex.newest(List.of(index), "all", 10)).as("rebuilt from the views")
                .containsExactly("c", "a", "b");
        assertThat(RecencyIndex.newest(List.of(index), "type=thing.made", 10)).containsExactly("c", "b");
    }

    private static KeyValueStore<String, byte[]> store(MockProcessorContext<String, Object> context, String name) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static byte[] event(String id, String type, Instant at) {
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), type, 1, at, id,
                io.eventline.core.envelope.Json.mapper().createObjectNode(), new EventMetadata("c", "c", "things")));
    }
}
