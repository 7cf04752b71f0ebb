package io.eventline.core.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A store of keys sorted newest first, so that "the newest N" is a prefix range read N entries deep
 * rather than a scan of every item. Each entry is {@code term \0 time id} with an empty value: the
 * {@code term} names one list (e.g. {@code status=PAID}), the time is inverted so that the store's
 * byte order is newest first, and items of one instant sort by {@code id} ascending. The item itself
 * stays where it is; the index only says which ids to fetch.
 *
 * <p>Written by the one task owning the store's partition (a Kafka Streams processor, so that its
 * entries are changelogged and committed with the item they index); read by any thread through
 * interactive queries. Each partition is sorted on its own, so {@link #newest} merges the partitions
 * lazily: a request reads at most {@code limit} entries plus one per partition.
 * {@snippet :
 * RecencyIndex.move(index, orderId, List.of("status=PLACED"), placedAt, List.of("status=PAID"), paidAt);
 * List<String> newestPaid = RecencyIndex.newest(partitions.of("orders-view-v1-index"), "status=PAID", 100);
 * }
 */
public final class RecencyIndex {
    private static final char SEPARATOR = '\u0000';
    private static final int TIME_CHARS = 24; // 16 hex digits of seconds, 8 of nanoseconds
    private static final byte[] PRESENT = new byte[0];
    private static final HexFormat HEX = HexFormat.of(); // lower case, as the keys have always been

    private RecencyIndex() {
    }

    /** The index key of {@code id} at {@code at} in the list {@code term}. */
    public static String key(String term, Instant at, String id) {
        // Signed seconds flipped into unsigned order, then inverted: later instants sort first.
        long seconds = ~(at.getEpochSecond() ^ Long.MIN_VALUE);
        int nanos = 999_999_999 - at.getNano();
        // HexFormat, not String.format: this runs for every entry a read model writes or moves.
        return prefix(term) + HEX.toHexDigits(seconds) + HEX.toHexDigits(nanos) + id;
    }

    private static String prefix(String term) {
        // A term holding the separator would read as a shorter term's: it is replaced, never refused,
        // as a processor throwing on an odd event (a foreign writer's id) would stop its stream thread.
        return term.replace(SEPARATOR, '\uFFFD') + SEPARATOR;
    }

    /** Lists {@code id} at {@code at} in each of {@code terms}. */
    public static void put(KeyValueStore<String, byte[]> index, Collection<String> terms, Instant at, String id) {
        terms.forEach(term -> index.put(key(term, at, id), PRESENT));
    }

    /**
     * Moves {@code id} from where it was listed ({@code before} at {@code then}, none when it is new)
     * to {@code after} at {@code now}; entries that stay the same are not written again.
     */
    public static void move(KeyValueStore<String, byte[]> index, String id, Collection<String> before, Instant then,
                            Collection<String> after, Instant now) {
        boolean sameTime = then.equals(now);
        // A null put, not delete(): Kafka Streams' stores read the old value on delete (a RocksDB read for
        // each entry moved, a sixth of a read model's time at saturation), a put does not.
        before.stream().filter(term -> !(sameTime && after.contains(term)))
                .forEach(term -> index.put(key(term, then, id), null));
        after.stream().filter(term -> !(sameTime && before.contains(term)))
                .forEach(term -> index.put(key(term, now, id), PRESENT));
    }

    /**
     * The ids of the newest {@code limit} entries of {@code term}, newest first (ties by id), over
     * every partition given. Reads at most {@code limit} entries plus one per partition.
     */
    public static List<String> newest(List<? extends ReadOnlyKeyValueStore<String, byte[]>> partitions, String term,
                                      int limit) {
        return newest(partitions, term, limit, id -> true);
    }

    /**
     * The same, keeping only the ids {@code accept} takes (asked in order, newest first), until
     * {@code limit} are taken: reads {@code limit} entries plus one per partition when every id is
     * taken, and as far down the list as it takes to find {@code limit} otherwise.
     */
    public static List<String> newest(List<? extends ReadOnlyKeyValueStore<String, byte[]>> partitions, String term,
                                      int limit, Predicate<String> accept) {
        String prefix = prefix(term);
        List<KeyValueIterator<String, byte[]>> open = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::key));
            for (ReadOnlyKeyValueStore<String, byte[]> partition : partitions) {
                KeyValueIterator<String, byte[]> entries = partition.prefixScan(prefix, new StringSerializer());
                open.add(entries);
                Head.next(entries).ifPresent(heads::add);
            }
            List<String> ids = new ArrayList<>(Math.min(limit, 1024));
            while (ids.size() < limit && !heads.isEmpty()) {
                Head newest = heads.poll();
                String id = newest.key().substring(prefix.length() + TIME_CHARS);
                if (accept.test(id)) {
                    ids.add(id);
                }
                Head.next(newest.entries()).ifPresent(heads::add);
            }
            return ids;
        } finally {
            open.forEach(KeyValueIterator::close);
        }
    }

    /** The next entry of one partition, with the rest of that partition behind it. */
    private record Head(String key, KeyValueIterator<String, byte[]> entries) {
        static Optional<Head> next(KeyValueIterator<String, byte[]> entries) {
            if (!entries.hasNext()) {
                return Optional.empty();
            }
            KeyValue<String, byte[]> entry = entries.next();
            return Optional.of(new Head(entry.key, entries));
        }
    }
}
