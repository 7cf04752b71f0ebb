package io.eventline.core.testing;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.decider.Reply;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * An aggregate's command topology on a {@link TopologyTestDriver}: send commands as the gateway would,
 * read the replies and the event records, query the stores. No broker.
 */
public final class DeciderDriver<C, S, E> implements AutoCloseable {
    private final Aggregate<C, S, E> aggregate;
    private final TopologyTestDriver driver;
    private final org.apache.kafka.streams.TestInputTopic<String, byte[]> commands;
    private final org.apache.kafka.streams.TestOutputTopic<String, byte[]> events;
    private final org.apache.kafka.streams.TestOutputTopic<String, byte[]> replies;
    private int sent;

    public DeciderDriver(Aggregate<C, S, E> aggregate) {
        this(aggregate, Map.of());
    }

    /** @param settings more Streams settings, e.g. a {@code ProcessingObserver} */
    public DeciderDriver(Aggregate<C, S, E> aggregate, Map<String, Object> settings) {
        this(aggregate, settings, null);
    }

    /** @param part the service the decider is added for in an application of several, or null */
    public DeciderDriver(Aggregate<C, S, E> aggregate, Map<String, Object> settings, String part) {
        this.aggregate = aggregate;
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        DeciderTopology.addTo(part == null ? sources : sources.forPart(part), aggregate);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-" + aggregate.name());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.putAll(settings);
        this.driver = new TopologyTestDriver(builder.build(props), props);
        this.commands = driver.createInputTopic(aggregate.commandTopic(), new StringSerializer(), new ByteArraySerializer());
        this.events = driver.createOutputTopic(aggregate.eventTopic(), new StringDeserializer(), new ByteArrayDeserializer());
        this.replies = driver.createOutputTopic(aggregate.replyTopic(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends a command with id {@code cmd-<n>} at the given time and returns its reply. */
    public Reply send(String aggregateId, C command, Instant at) {
        String commandId = "cmd-" + (++sent);
        sendRaw(aggregateId, envelope(commandId, aggregateId, command), at);
        return lastReply(commandId);
    }

    public byte[] envelope(String commandId, String aggregateId, C command) {
        var type = aggregate.commands().typeOf(command);
        return Json.write(new CommandEnvelope(commandId, type.name(), type.currentVersion(), aggregateId,
                aggregate.commands().encode(command), new EventMetadata("corr-" + commandId, commandId, "test")));
    }

    public void sendRaw(String key, byte[] value, Instant at) {
        commands.pipeInput(key, value, at);
    }

    private Reply lastReply(String commandId) {
        List<TestRecord<String, byte[]>> all = replies.readRecordsToList();
        if (all.isEmpty()) {
            throw new AssertionError("no reply to " + commandId);
        }
        try {
            Reply reply = Json.mapper().readValue(all.getLast().value(), Reply.class);
            if (!reply.commandId().equals(commandId)) {
                throw new AssertionError("the last reply answers " + reply.commandId() + ", not " + commandId);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Event records appended since the last call, with their keys, timestamps and headers. */
    public List<TestRecord<String, byte[]>> appended() {
        return events.readRecordsToList();
    }

    public boolean noReplies() {
        return replies.isEmpty();
    }

    /** One of the topology's key-value stores as it is, for checking what the runtime keeps. */
    public KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    public AggregateQueries<C, S, E> queries() {
        return new AggregateQueries<>(aggregate, driver::getKeyValueStore);
    }

    @Override
    public void close() {
        driver.close();
    }
}
