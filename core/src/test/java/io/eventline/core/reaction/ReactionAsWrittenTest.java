package io.eventline.core.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.CommandPreparer;
import io.eventline.core.decider.Decider;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.tracing.HopStamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reaction to events whose decider runs in the same application reacts in the decider's task, to
 * each event as the decider writes it: it never reads the event topic, so its commands commit with
 * their event instead of one commit later. Without the decider it reads the topic, as before.
 */
class ReactionAsWrittenTest {
    record Ring() {
    }

    record Rung() {
    }

    record Bell() {
    }

    record Tick() {
    }

    record Ticked() {
    }

    record Clock() {
    }

    private static final Aggregate<Ring, Bell, Rung> BELLS = new Aggregate<>("bells",
            oneEventPerCommand(new Bell(), new Rung()),
            Catalogue.of(Ring.class).add("bell.ring", Ring.class).build(),
            Catalogue.of(Rung.class).add("bell.rung", Rung.class).build(), Bell.class);

    private static final Aggregate<Tick, Clock, Ticked> CLOCKS = new Aggregate<>("clocks",
            oneEventPerCommand(new Clock(), new Ticked()),
            Catalogue.of(Tick.class).add("clock.tick", Tick.class).build(),
            Catalogue.of(Ticked.class).add("clock.ticked", Ticked.class).build(), Clock.class);

    private static final String REACTION = "clocks-on-bells";

    @TempDir
    Path stateDir;

    @Test
    void reactsInTheDecidersTaskToEachEventAsItIsWritten() {
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        sources.decidedHere(BELLS.eventTopic());
        // The reaction's service added first: it waits for the decider, whichever comes first.
        addReaction(sources.forPart("clocks"));
        DeciderTopology.addTo(sources.forPart("bells"), BELLS);
        sources.requireDecidersAdded();
        Topology topology = builder.build(settings());

        TopologyDescription.Subtopology decider = subtopologyOf(topology.describe(), "bells-decide");
        assertThat(nodeNames(decider)).as("the decider's sub-topology").contains(REACTION + "-react");
        assertThat(nodeNames(topology.describe())).doesNotContain(REACTION + "-source");

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, settings())) {
            List<EventEnvelope> rung = ring(driver, "b-1");
            List<TestRecord<String, byte[]>> written = written(driver, CLOCKS.commandTopic());
            List<CommandEnvelope> ticks = written.stream().map(record -> command(record.value())).toList();

            assertThat(rung).hasSize(1);
            assertThat(ticks).singleElement().satisfies(tick -> {
                assertThat(tick.commandId()).isEqualTo(ReactionTopology.commandId(rung.get(0).eventId(), REACTION, 0));
                assertThat(tick.aggregateId()).isEqualTo("c-b-1");
                assertThat(tick.metadata().causationId()).isEqualTo(rung.get(0).eventId().toString());
            });
            // Its hop names the service and the event topic it reacted to, not the decider's command topic.
            Header hop = written.get(0).headers().lastHeader(HopStamp.HEADER);
            assertThat(HopStamp.parse(new String(hop.value(), StandardCharsets.UTF_8))).hasValueSatisfying(stamp -> {
                assertThat(stamp.service()).isEqualTo("clocks");
                assertThat(stamp.step()).isEqualTo(REACTION);
                assertThat(stamp.read()).isEqualTo(BELLS.eventTopic());
            });
        }
    }

    @Test
    void readsTheEventTopicWhenTheDeciderRunsElsewhere() {
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        addReaction(sources.forPart("clocks"));
        sources.requireDecidersAdded();

        TopologyDescription description = builder.build(settings()).describe();
        assertThat(nodeNames(description)).contains(REACTION + "-source", REACTION + "-react");
    }

    @Test
    void decidesInPlaceInTheEventsDecidersTaskAsTheyAreWritten() {
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        sources.decidedHere(BELLS.eventTopic());
        DeciderTopology.addTo(sources.forPart("bells"), BELLS);
        addInPlace(sources.forPart("clocks"));
        sources.requireDecidersAdded();
        Topology topology = builder.build(settings());

        TopologyDescription.Subtopology decider = subtopologyOf(topology.describe(), "bells-decide");
        assertThat(nodeNames(decider)).as("the bells' decider's sub-topology")
                .contains(REACTION + "-react", "clocks-decide");
        assertThat(nodeNames(topology.describe())).doesNotContain(REACTION + "-source");

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, settings())) {
            List<EventEnvelope> rung = ring(driver, "b-1");
            List<TestRecord<String, byte[]>> ticked = written(driver, CLOCKS.eventTopic());

            assertThat(written(driver, CLOCKS.commandTopic())).as("no command crosses the clocks' command topic")
                    .isEmpty();
            assertThat(ticked).singleElement().satisfies(record -> {
                EventEnvelope event = EnvelopeCodec.fromBytes(record.value());
                assertThat(event.aggregateId()).isEqualTo("b-1");
                assertThat(event.metadata().causationId())
                        .isEqualTo(ReactionTopology.commandId(rung.get(0).eventId(), REACTION, 0));
                // One hop, the reaction's: it read the bells' event topic (as written), not a command topic.
                Header hop = record.headers().lastHeader(HopStamp.HEADER);
                assertThat(HopStamp.parse(new String(hop.value(), StandardCharsets.UTF_8)))
                        .hasValueSatisfying(stamp -> assertThat(stamp.read()).isEqualTo(BELLS.eventTopic()));
            });
        }
    }

    @Test
    void decidesInPlaceWhatItReadsFromTheEventTopicWhenTheEventsDeciderRunsElsewhere() {
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        addInPlace(sources.forPart("clocks"));
        sources.requireDecidersAdded();

        TopologyDescription.Subtopology decider = subtopologyOf(builder.build(settings()).describe(), "clocks-decide");
        assertThat(nodeNames(decider)).contains(REACTION + "-source", REACTION + "-react");
    }

    /** Clocks keyed as bells: each bell's rung is a tick of the clock of the same id, decided in place. */
    private static void addInPlace(Sources sources) {
        ReactionTopology.inPlace(sources, BELLS.eventTopic(), REACTION, BELLS.events(),
                (Rung rung, Lookups lookups) -> List.of(new Routed<>("b-1", new Tick())), CLOCKS,
                ticks -> DeciderTopology.addTo(sources, CLOCKS, CommandPreparer.none(),
                        List.of(ticks)));
    }

    /** A decider whose every command yields {@code event}, its state never changing: all these tests need. */
    private static <C, S, E> Decider<C, S, E> oneEventPerCommand(S state, E event) {
        return new Decider<>() {
            @Override
            public S initialState() {
                return state;
            }

            @Override
            public List<E> decide(C command, S current) {
                return List.of(event);
            }

            @Override
            public S evolve(S current, E happened) {
                return current;
            }
        };
    }

    private static void addReaction(Sources sources) {
        ReactionTopology.addTo(sources, REACTION, BELLS.eventTopic(), BELLS.events(),
                (Rung rung, Lookups lookups) -> List.of(new Routed<>("c-b-1", new Tick())), CLOCKS);
    }

    /** Rings the bell through its command topic: the events its decider wrote. */
    private static List<EventEnvelope> ring(TopologyTestDriver driver, String bellId) {
        driver.createInputTopic(BELLS.commandTopic(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(bellId, ring(bellId));
        return written(driver, BELLS.eventTopic()).stream().map(record -> EnvelopeCodec.fromBytes(record.value()))
                .toList();
    }

    private static List<TestRecord<String, byte[]>> written(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    private static byte[] ring(String bellId) {
        var type = BELLS.commands().typeOf(new Ring());
        return Json.write(new CommandEnvelope("ring-1", type.name(), type.currentVersion(), bellId,
                BELLS.commands().encode(new Ring()), new EventMetadata("ring-1", "ring-1", "test")));
    }

    private static CommandEnvelope command(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, CommandEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties settings() {
        return StreamsSettings.exactlyOnce("eventline-bells-clocks", Map.of("bootstrap.servers", "unused:9092"),
                stateDir);
    }

    private static TopologyDescription.Subtopology subtopologyOf(TopologyDescription description, String node) {
        return description.subtopologies().stream()
                .filter(subtopology -> subtopology.nodes().stream().anyMatch(n -> n.name().equals(node)))
                .findFirst().orElseThrow();
    }

    private static List<String> nodeNames(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream().map(TopologyDescription.Node::name).toList();
    }

    private static List<String> nodeNames(TopologyDescription description) {
        return description.subtopologies().stream().flatMap(subtopology -> nodeNames(subtopology).stream()).toList();
    }
}
