package io.eventline.core.dlq;

import io.eventline.core.decider.CommandPreparer;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.decider.Reply;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.projection.AggregateProjector;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionTopology;
import io.eventline.core.reaction.ReactionTopology;
import io.eventline.core.reaction.Routed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The tallies service on a {@link TopologyTestDriver}, configured as the app configures its services
 * ({@link StreamsSettings}): its decider, and its reaction to bells (one tally.add per ring). Or, with
 * {@link #view}, the tallies read model as its own application.
 */
final class TallyWorld implements AutoCloseable {
    static final Projection<Tallies.Tally> VIEW = AggregateProjector.projection("tallies-view", Tallies.AGGREGATE);

    private final TopologyTestDriver driver;
    static final String RINGS_TOPIC = "tallies.rings";

    private final String queue;

    private TallyWorld(StreamsBuilder builder, String applicationId, Path stateDir) {
        this(builder, applicationId, stateDir, Map.of());
    }

    private TallyWorld(StreamsBuilder builder, String applicationId, Path stateDir, Map<String, Object> extra) {
        var props = StreamsSettings.exactlyOnce(applicationId, Map.of("bootstrap.servers", "unused:9092"), stateDir);
        props.putAll(extra);
        this.queue = StreamsSettings.deadLetterTopic(applicationId);
        this.driver = new TopologyTestDriver(builder.build(props), props);
    }

    static TallyWorld service(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        DeciderTopology.addTo(sources, Tallies.AGGREGATE);
        ReactionTopology.addTo(sources, "tallies-on-bells", Tallies.BELL_TOPIC, Tallies.BELLS,
                event -> switch (event) {
                    case Tallies.Rang rang -> List.of(new Routed<>(rang.tallyId(), new Tallies.Add(1)));
                }, Tallies.AGGREGATE);
        return new TallyWorld(builder, "eventline-tallies", stateDir);
    }

    /** The tallies service with its reaction decided in place: each ring adds one to the tally it names. */
    static TallyWorld inPlace(Path stateDir) {
        return inPlace(stateDir, Map.of());
    }

    /** {@link #inPlace(Path)}, with more Streams settings (a {@code Tracing}, say). */
    static TallyWorld inPlace(Path stateDir, Map<String, Object> extra) {
        StreamsBuilder builder = new StreamsBuilder();
        var onBells = ReactionTopology.inPlace(new Sources(builder),
                builder.stream(Tallies.BELL_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray())),
                "tallies-on-bells", Tallies.BELLS, (event, lookups) -> switch (event) {
                    case Tallies.Rang rang -> List.of(new Routed<>(rang.tallyId(), new Tallies.Add(1)));
                }, Tallies.AGGREGATE);
        DeciderTopology.addTo(new Sources(builder), Tallies.AGGREGATE, CommandPreparer.none(), List.of(onBells));
        return new TallyWorld(builder, "eventline-tallies", stateDir, extra);
    }

    /** Reads the bells topic with {@link SelectedEvents}, keeping the rings of every tally but "quiet". */
    static TallyWorld ringsRead(Path stateDir) {
        return ringsRead(stateDir, null);
    }

    /** @param part the service the reader is added for, as in an application composing several; or null */
    static TallyWorld ringsRead(Path stateDir, String part) {
        StreamsBuilder builder = new StreamsBuilder();
        var bells = builder.stream(Tallies.BELL_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray()));
        DeadLetterSink.route(bells.process(SelectedEvents.of("tallies-rings", part, Tallies.BELLS, (record, event) ->
                                switch (event) {
                                    case Tallies.Rang rang when rang.tallyId().equals("quiet") -> Optional.empty();
                                    case Tallies.Rang rang -> Optional.of(record.withValue(rang.tallyId()));
                                }), Named.as("tallies-rings")), "tallies-rings")
                .to(RINGS_TOPIC, Produced.with(Serdes.String(), Serdes.String()));
        return new TallyWorld(builder, "eventline-tallies-rings", stateDir);
    }

    static TallyWorld view(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        ProjectionTopology.addTo(builder, VIEW, 1);
        return new TallyWorld(builder, VIEW.applicationId(1), stateDir);
    }

    TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    TestOutputTopic<String, byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    String queue() {
        return queue;
    }

    List<TestRecord<String, byte[]>> deadLetters() {
        return output(queue).readRecordsToList();
    }

    List<Reply> replies() {
        return output(Tallies.AGGREGATE.replyTopic()).readValuesToList().stream().map(TallyWorld::reply).toList();
    }

    Optional<byte[]> stored(String store, String key) {
        return Optional.ofNullable(driver.<String, byte[]>getKeyValueStore(store).get(key));
    }

    /** A dead letter as a consumer of the dead-letter topic would read it, at the given offset. */
    ConsumerRecord<byte[], byte[]> asConsumed(TestRecord<String, byte[]> letter, long offset) {
        Headers headers = letter.headers();
        byte[] key = letter.key() == null ? null : letter.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new ConsumerRecord<>(queue, 0, offset, letter.timestamp(), TimestampType.CREATE_TIME,
                key == null ? -1 : key.length, letter.value() == null ? -1 : letter.value().length, key, letter.value(),
                headers, Optional.empty());
    }

    private static Reply reply(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, Reply.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
