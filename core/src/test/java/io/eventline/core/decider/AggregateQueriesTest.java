package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.Counters.Add;
import io.eventline.core.decider.Counters.Counter;
import io.eventline.core.decider.Counters.CounterCommand;
import io.eventline.core.decider.Counters.CounterEvent;
import io.eventline.core.testing.DeciderDriver;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AggregateQueriesTest {
    static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");

    final DeciderDriver<CounterCommand, Counter, CounterEvent> here = new DeciderDriver<>(Counters.AGGREGATE);

    @AfterEach
    void close() {
        here.close();
    }

    /**
     * This instance holds c1's snapshot (version 1) while its history's partition is another instance's:
     * the history here is empty and stays so, and the answer must not wait for it to catch up (it did,
     * two seconds a request, once the two stores' partitions sat on different instances).
     */
    @Test
    void shouldNotWaitForAHistoryThisInstanceDoesNotHold() {
        here.send("c1", new Add(4), T1);
        CountingReads elsewhere = new CountingReads(here.store(Counters.AGGREGATE.historyStore()));
        StoreProvider stores = new StoreProvider() {
            @Override
            public ReadOnlyKeyValueStore<String, byte[]> store(String name) {
                return name.equals(Counters.AGGREGATE.historyStore()) ? elsewhere : here.store(name);
            }

            @Override
            public boolean holds(String name, String key) {
                return !name.equals(Counters.AGGREGATE.historyStore());
            }
        };

        assertThat(new AggregateQueries<>(Counters.AGGREGATE, stores).events("c1")).isEmpty();
        assertThat(elsewhere.scans.get()).as("the history read once, not polled until it catches up").isEqualTo(1);
    }

    /** A history store as another instance's partition looks from here: no aggregate's events; its scans counted. */
    private record CountingReads(ReadOnlyKeyValueStore<String, byte[]> store, AtomicInteger scans)
            implements ReadOnlyKeyValueStore<String, byte[]> {
        CountingReads(ReadOnlyKeyValueStore<String, byte[]> store) {
            this(store, new AtomicInteger());
        }

        @Override
        public byte[] get(String key) {
            return store.get(key);
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            return store.range(from, to);
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return store.all();
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS serializer) {
            scans.incrementAndGet();
            return store.range("", ""); // none: "" is no key of a history (aggregateId/version)
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }
    }
}
