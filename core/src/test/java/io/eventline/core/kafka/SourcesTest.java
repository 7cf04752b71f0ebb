package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.Test;

class SourcesTest {
    private final StreamsBuilder builder = new StreamsBuilder();
    private final Sources sources = new Sources(builder);

    @Test
    void shouldHandEveryReaderOfATopicTheSameStream() {
        KStream<String, byte[]> first = sources.stream("a.events", "first-source");
        first.foreach((key, value) -> { }, Named.as("first-reader"));
        KStream<String, byte[]> second = sources.stream("a.events", "second-source");
        second.foreach((key, value) -> { }, Named.as("second-reader"));

        assertThat(second).isSameAs(first);
        assertThat(sourceNames(describe())).containsExactly("first-source");
    }

    @Test
    void shouldReadATopicKeptAsATableThroughTheTableForEveryReader() {
        sources.keepTable("a.events", b -> b.table("a.events",
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("a-history-source"),
                        Materialized.as("a-history"))
                .toStream(Named.as("a-history-read")));
        sources.stream("a.events", "ignored-source").foreach((key, value) -> { }, Named.as("reader"));
        sources.stream("a.events", "another-source").foreach((key, value) -> { }, Named.as("another-reader"));

        TopologyDescription description = describe();
        assertThat(sourceNames(description)).containsExactly("a-history-source-source");
        assertThat(storesOf(description)).containsExactly("a-history");
    }

    @Test
    void shouldRefuseToKeepATableOfATopicAlreadyReadAsAStream() {
        sources.stream("a.events", "early-source");

        assertThatThrownBy(() -> sources.keepTable("a.events", b -> b.stream("a.events")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a.events is already read as a stream");
    }

    @Test
    void shouldIgnoreASecondDeclarationOfTheSameTable() {
        sources.keepTable("a.events", b -> b.stream("a.events", Consumed.with(Serdes.String(), Serdes.ByteArray())
                .withName("kept-first-source")));
        sources.keepTable("a.events", b -> {
            throw new AssertionError("the second declaration was used");
        });

        sources.stream("a.events", "reader-source").foreach((key, value) -> { }, Named.as("reader"));
        assertThat(sourceNames(describe())).containsExactly("kept-first-source");
    }

    @Test
    void shouldReportEachRecordReadToCommitWhenIdleAsItEntersBeforeAnyReader() {
        sources.keepTable("a.events", b -> b.table("a.events",
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("a-history-source"),
                        Materialized.as("a-history"))
                .toStream(Named.as("a-history-read")));
        sources.stream("a.events", "ignored-source").foreach((key, value) -> { }, Named.as("table-reader"));
        sources.stream("b.commands", "b-source").foreach((key, value) -> { }, Named.as("stream-reader"));

        // A record only Kafka Streams' own processors handle (a table, the DSL) reports too: the last
        // record of a small poll then always asks for the output its poll left uncommitted.
        TopologyDescription description = describe();
        assertThat(predecessors(description, "table-reader")).containsExactly("a-events-read-report");
        assertThat(predecessors(description, "a-events-read-report")).containsExactly("a-history-read");
        assertThat(predecessors(description, "stream-reader")).containsExactly("b-commands-read-report");
        assertThat(predecessors(description, "b-commands-read-report")).containsExactly("b-source");
    }

    @Test
    void shouldFeedReadersOfATopicDecidedHereWhatItsDeciderWritesWhicheverIsAddedFirst() {
        sources.decidedHere("a.events");
        List<KStream<String, byte[]>> fed = new java.util.ArrayList<>();
        sources.readAsWritten("a.events", "early-source", fed::add);
        assertThat(fed).as("fed before the decider is added").isEmpty();

        KStream<String, byte[]> written = sources.stream("a.commands", "a-commands-source")
                .mapValues(value -> value, Named.as("a-decide"));
        sources.written("a.events", written);
        sources.readAsWritten("a.events", "late-source", fed::add);

        assertThat(fed).containsExactly(written, written);
        assertThat(sources.isDecidedHere("a.events")).isTrue();
        sources.requireDecidersAdded();
    }

    @Test
    void shouldHandTheTopicsStreamToReadersOfATopicDecidedElsewhere() {
        List<KStream<String, byte[]>> fed = new java.util.ArrayList<>();
        sources.readAsWritten("a.events", "reader-source", fed::add);
        sources.written("a.events", sources.stream("a.commands", "a-commands-source"));

        assertThat(fed).containsExactly(sources.stream("a.events", "another-source"));
        assertThat(sources.isDecidedHere("a.events")).isFalse();
    }

    @Test
    void shouldRefuseToBuildWhenADeclaredDeciderWasNeverAdded() {
        sources.decidedHere("a.events");
        sources.readAsWritten("a.events", "reader-source", stream -> { });

        assertThatThrownBy(sources::requireDecidersAdded).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a.events was declared decided in this application, but no decider of it was added");
    }

    @Test
    void shouldHandCommandsDecidedInPlaceToTheirDeciderAddedAfter() {
        sources.commandsDecidedHere("b.commands");
        KStream<String, byte[]> commands = sources.stream("a.events", "a-source");

        assertThat(sources.canDecideInPlace("b.commands")).isTrue();
        assertThat(sources.canDecideInPlace("c.commands")).as("its decider is not in this application").isFalse();
        sources.decideInPlace("b.commands", commands);

        assertThat(sources.commandsInPlace("b.commands")).containsExactly(commands);
        assertThat(sources.canDecideInPlace("b.commands")).as("its decider is added: too late").isFalse();
        assertThatThrownBy(() -> sources.decideInPlace("b.commands", commands))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("b.commands");
        assertThatThrownBy(() -> sources.decideInPlace("c.commands", commands))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c.commands");
        sources.requireDecidersAdded();
    }

    @Test
    void shouldRefuseToBuildWhenCommandsWereHandedToADeciderNeverAdded() {
        sources.commandsDecidedHere("b.commands");
        sources.decideInPlace("b.commands", sources.stream("a.events", "a-source"));

        assertThatThrownBy(sources::requireDecidersAdded).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("b.commands").hasMessageContaining("never be decided");
    }

    @Test
    void shouldKeepOneGlobalCopyOfATopicUnderOneName() {
        sources.globalTable("people", "people-everywhere");
        sources.globalTable("people", "people-everywhere");

        assertThat(describe().globalStores()).hasSize(1);
        assertThatThrownBy(() -> sources.globalTable("people", "people-elsewhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already copied to every instance as people-everywhere");
    }

    private TopologyDescription describe() {
        return builder.build().describe();
    }

    private static List<String> sourceNames(TopologyDescription description) {
        return nodes(description).filter(node -> node instanceof TopologyDescription.Source)
                .map(TopologyDescription.Node::name).toList();
    }

    private static List<String> predecessors(TopologyDescription description, String node) {
        return nodes(description).filter(n -> n.name().equals(node)).findFirst().orElseThrow()
                .predecessors().stream().map(TopologyDescription.Node::name).toList();
    }

    private static Set<String> storesOf(TopologyDescription description) {
        return nodes(description).filter(node -> node instanceof TopologyDescription.Processor)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Stream<TopologyDescription.Node> nodes(TopologyDescription description) {
        return description.subtopologies().stream().flatMap(subtopology -> subtopology.nodes().stream());
    }
}
