package io.eventline.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/** The newest N of a list are read from N index entries (plus one per partition), whatever the store holds. */
class RecencyIndexTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void shouldMoveAnEntryByWritesAloneNeverReadingTheStore() {
        List<String> calls = new ArrayList<>();
        @SuppressWarnings("unchecked")
        KeyValueStore<String, byte[]> index = (KeyValueStore<String, byte[]>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[0] + " " + (args.length > 1 && args[1] != null));
                    return null;
                });

        RecencyIndex.move(index, "o-1", List.of("status=PLACED", "all"), T0, List.of("status=PAID", "all"),
                T0.plusSeconds(1));

        // A caching store's delete() reads the old value first (from RocksDB when not cached): tombstones instead.
        assertThat(calls).containsExactly(
                "put " + RecencyIndex.key("status=PLACED", T0, "o-1") + " false",
                "put " + RecencyIndex.key("all", T0, "o-1") + " false",
                "put " + RecencyIndex.key("status=PAID", T0.plusSeconds(1), "o-1") + " true",
                "put " + RecencyIndex.key("all", T0.plusSeconds(1), "o-1") + " true");
    }

    @Test
    void shouldReadAtMostLimitEntriesPlusOnePerPartitionWhenManyAreIndexed() {
        List<CountingStore> partitions = List.of(new CountingStore(), new CountingStore(), new CountingStore());
        List<Item> all = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 30_000; i++) {
            Item item = new Item("o-" + i, T0.plusMillis(random.nextInt(1_000_000)));
            CountingStore partition = partitions.get(i % 3);
            partition.add(RecencyIndex.key("all", item.at(), item.id()));
            partition.add(RecencyIndex.key(i % 2 == 0 ? "status=PAID" : "status=SHIPPED", item.at(), item.id()));
            all.add(item);
        }

        List<String> newest = RecencyIndex.newest(partitions, "all", 50);

        assertThat(newest).containsExactlyElementsOf(all.stream().sorted(Item.NEWEST_FIRST).limit(50)
                .map(Item::id).toList());
        assertThat(partitions.stream().mapToInt(CountingStore::visited).sum()).isLessThanOrEqualTo(50 + 3);
    }

    @Test
    void shouldKeepTheKeysItHasAlwaysWrittenWhenTheTimeIsFormatted() {
        // The entries of existing stores were written with String.format("%016x%08x"): the same bytes.
        Instant at = Instant.parse("2026-12-05T18:00:00.123456789Z");
        long seconds = ~(at.getEpochSecond() ^ Long.MIN_VALUE);

        assertThat(RecencyIndex.key("all", at, "o-1")).isEqualTo("all\u0000"
                + String.format("%016x%08x", seconds, 999_999_999 - at.getNano()) + "o-1");
        assertThat(RecencyIndex.key("all", Instant.ofEpochSecond(-1, 5), "o-2"))
                .as("a second before the epoch, 5 ns in").isEqualTo("all\u000080000000000000003b9ac9fao-2");
    }

    @Test
    void shouldListNewestFirstThenByIdWhenTimesTieOrComeBeforeTheEpoch() {
        CountingStore store = new CountingStore();
        Instant tied = T0.plusNanos(5);
        for (Item item : List.of(new Item("b", tied), new Item("a", tied), new Item("old", Instant.parse("1960-01-01T00:00:00Z")),
                new Item("new", T0.plusNanos(6)), new Item("older", Instant.parse("1960-01-01T00:00:00Z").minusNanos(1)))) {
            store.add(RecencyIndex.key("all", item.at(), item.id()));
        }
        store.add(RecencyIndex.key("al", T0.plusSeconds(9), "another-list"));

        assertThat(RecencyIndex.newest(List.of(store), "all", 10)).containsExactly("new", "a", "b", "old", "older");
        assertThat(RecencyIndex.newest(List.of(store), "all", 2)).containsExactly("new", "a");
        assertThat(RecencyIndex.newest(List.of(store), "none", 2)).isEmpty();
    }

    @Test
    void shouldReadOnUntilLimitIdsAreTakenWhenSomeAreRefused() {
        CountingStore store = new CountingStore();
        for (int i = 0; i < 1000; i++) {
            store.add(RecencyIndex.key("all", T0.minusSeconds(i), "o-" + i));
        }

        assertThat(RecencyIndex.newest(List.of(store), "all", 3, id -> id.endsWith("0")))
                .containsExactly("o-0", "o-10", "o-20");
        assertThat(store.visited()).isEqualTo(21 + 1);
    }

    @Test
    void shouldKeepATermApartFromShorterOnesWhenItHoldsTheSeparator() {
        CountingStore store = new CountingStore();
        store.add(RecencyIndex.key("a\u0000b", T0, "x"));

        assertThat(RecencyIndex.newest(List.of(store), "a", 10)).isEmpty();
        assertThat(RecencyIndex.newest(List.of(store), "a\u0000b", 10)).containsExactly("x");
    }

    private record Item(String id, Instant at) {
        static final Comparator<Item> NEWEST_FIRST = Comparator.comparing(Item::at).reversed().thenComparing(Item::id);
    }

    /** A sorted store that counts the entries its iterators hand out. */
    private static final class CountingStore implements ReadOnlyKeyValueStore<String, byte[]> {
        private final NavigableMap<String, byte[]> entries = new TreeMap<>();
        private int visited;

        void add(String key) {
            entries.put(key, new byte[0]);
        }

        int visited() {
            return visited;
        }

        @Override
        public byte[] get(String key) {
            return entries.get(key);
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            return counting(entries.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return counting(entries);
        }

        @Override
        public <S extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, S serializer) {
            String from = new String(serializer.serialize(null, prefix), StandardCharsets.UTF_8);
            return counting(entries.tailMap(from, true).headMap(from + Character.MAX_VALUE, false));
        }

        @Override
        public long approximateNumEntries() {
            return entries.size();
        }

        private KeyValueIterator<String, byte[]> counting(NavigableMap<String, byte[]> range) {
            Iterator<Map.Entry<String, byte[]>> it = range.entrySet().iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, byte[]> next() {
                    visited++;
                    Map.Entry<String, byte[]> entry = it.next();
                    return KeyValue.pair(entry.getKey(), entry.getValue());
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
