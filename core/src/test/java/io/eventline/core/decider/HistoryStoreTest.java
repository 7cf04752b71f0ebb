package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    @TempDir
    Path stateDir;

    private KeyValueStore<Bytes, byte[]> store;
    private StateStoreContext context;
    private final List<StateRestoreCallback> registered = new ArrayList<>();

    @BeforeEach
    void open() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.toFile()).getStateStoreContext();
        store = HistoryStore.supplier("things-history").get();
        init();
    }

    private void init() {
        // The store registers its restore callback through this context: kept here, to be called.
        store.init(new RestoringThrough(context, callback -> {
            registered.add(callback);
            return callback;
        }), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldNumberEachAggregatesEventsFromOneInTheOrderTheTopicHasThem() {
        store.put(key("a"), event("a", "thing.made"));
        store.put(key("b"), event("b", "thing.made"));
        store.put(key("a"), event("a", "thing.painted"));

        assertThat(history("a")).containsExactly("a/" + "0".repeat(18) + "1 thing.made", "a/" + "0".repeat(18) + "2 thing.painted");
        assertThat(history("b")).containsExactly("b/" + "0".repeat(18) + "1 thing.made");
    }

    @Test
    void shouldLeaveOutWhatIsNoEventOfTheAggregateItIsKeyedBy() {
        store.put(key("a"), "{not an envelope".getBytes(StandardCharsets.UTF_8));
        store.put(key("a"), null);
        store.put(key("a"), event("b", "thing.made"));
        store.put(key("a"), event("a", "thing.made"));

        assertThat(history("a")).containsExactly("a/" + "0".repeat(18) + "1 thing.made");
    }

    @Test
    void shouldRestoreByAppendingAsProcessingDoes() {
        // Restoring reads the event topic again: the raw records, or behind a timestamp.
        assertThat(registered).hasSize(1);
        StateRestoreCallback restore = registered.getFirst();
        restore.restore("a".getBytes(StandardCharsets.UTF_8), event("a", "thing.made"));
        restore.restore("a".getBytes(StandardCharsets.UTF_8), timestamped(event("a", "thing.painted")));
        restore.restore("a".getBytes(StandardCharsets.UTF_8), null);

        assertThat(history("a")).containsExactly("a/" + "0".repeat(18) + "1 thing.made", "a/" + "0".repeat(18) + "2 thing.painted");
    }

    @Test
    void shouldGoOnFromWhatRocksDbHoldsWhenTheStoreIsOpenedAgain() throws Exception {
        store.put(key("a"), event("a", "thing.made"));
        store.put(key("a"), event("a", "thing.painted"));
        store.close();
        // As after a crash under exactly-once: the state wiped, then restored from the topic.
        try (var files = java.nio.file.Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(stateDir))
                    .forEach(path -> path.toFile().delete());
        }
        init(); // the same store object: Kafka Streams may reopen one
        store.put(key("a"), event("a", "thing.made"));

        assertThat(history("a")).containsExactly("a/" + "0".repeat(18) + "1 thing.made");
    }

    @Test
    void shouldNumberAnAggregateItNoLongerRemembersFromRocksDb() {
        store.put(key("a"), event("a", "thing.made"));
        for (int i = 0; i < 10_001; i++) {
            store.put(key("other-" + i), event("other-" + i, "thing.made"));
        }
        store.put(key("a"), event("a", "thing.painted"));

        assertThat(history("a")).containsExactly("a/" + "0".repeat(18) + "1 thing.made", "a/" + "0".repeat(18) + "2 thing.painted");
    }

    @Test
    void shouldAnswerAnAggregateIdAsNoKeyOfItsOwnAndAVersionedKeyWithItsEvent() {
        byte[] made = event("a", "thing.made");
        store.put(key("a"), made);

        assertThat(store.get(key("a"))).isNull();
        assertThat(store.get(key(HistoryKeys.of("a", 1)))).isEqualTo(made);
        assertThat(HistoryKeys.of("a", 12)).isEqualTo("a/0000000000000000012");
    }

    private List<String> history(String aggregateId) {
        List<String> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = store.prefixScan(HistoryKeys.prefix(aggregateId), new StringSerializer())) {
            range.forEachRemaining((KeyValue<Bytes, byte[]> entry) -> entries.add(
                    new String(entry.key.get(), StandardCharsets.UTF_8) + " " + EnvelopeCodec.fromBytes(entry.value).eventType()));
        }
        return entries;
    }

    private static Bytes key(String aggregateId) {
        return Bytes.wrap(aggregateId.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] event(String aggregateId, String type) {
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), type, 1, Instant.parse("2026-12-04T06:00:00Z"),
                aggregateId, Json.mapper().createObjectNode(), new EventMetadata("c-1", "cmd-1", "things")));
    }

    private static byte[] timestamped(byte[] value) {
        return ByteBuffer.allocate(8 + value.length).putLong(1_764_828_000_000L).put(value).array();
    }
}
