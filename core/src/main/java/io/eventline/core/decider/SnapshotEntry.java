package io.eventline.core.decider;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One value of an aggregate's snapshot store: the aggregate's snapshot and, beside it, the state of
 * what else runs in the aggregate's task under the same key, by name (a saga keyed as the aggregate:
 * {@code SagaTopology.inPlace}). Why one value: under exactly-once every write to a store is a
 * changelog record; a saga step and the command it decides in place, written to one key of one store
 * in one put (the saga hands its state to the decider: {@link Rider}), are one record where two
 * stores made two (docs/performance.md).
 *
 * <p>An entry with no rider is written as the snapshot's bytes alone, as before riders existed, so
 * an aggregate without one stores exactly what it did. With riders: a zero byte (no JSON starts with
 * one), the format's version, then the snapshot and each rider as length-prefixed bytes.
 */
public final class SnapshotEntry {
    public static final SnapshotEntry EMPTY = new SnapshotEntry(null, Map.of());

    private static final byte MARK = 0;
    private static final byte VERSION = 1;
    private static final int ABSENT = -1;

    private final byte[] snapshot;
    private final Map<String, byte[]> riders;

    private SnapshotEntry(byte[] snapshot, Map<String, byte[]> riders) {
        this.snapshot = snapshot;
        this.riders = riders;
    }

    /** @param stored a value of the store, or null when the key has none */
    public static SnapshotEntry read(byte[] stored) {
        if (stored == null) {
            return EMPTY;
        }
        if (stored.length == 0 || stored[0] != MARK) {
            return new SnapshotEntry(stored, Map.of());
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("a snapshot entry of format " + version + ", this version reads "
                    + VERSION);
        }
        byte[] snapshot = bytes(in);
        Map<String, byte[]> riders = new TreeMap<>();
        for (int count = in.getInt(); count > 0; count--) {
            riders.put(new String(bytes(in), StandardCharsets.UTF_8), bytes(in));
        }
        return new SnapshotEntry(snapshot, riders);
    }

    /** The snapshot's bytes in a stored value (null for none): what a reader of the aggregate alone needs. */
    public static byte[] snapshotOf(byte[] stored) {
        return stored == null || stored.length == 0 || stored[0] != MARK ? stored : read(stored).snapshot;
    }

    /** The snapshot's bytes, or null when the aggregate has none yet. */
    public byte[] snapshot() {
        return snapshot;
    }

    /** The rider's bytes, or null when it has none. */
    public byte[] rider(String name) {
        return riders.get(name);
    }

    public SnapshotEntry withSnapshot(byte[] bytes) {
        return new SnapshotEntry(bytes, riders);
    }

    /** @param bytes null to remove the rider */
    public SnapshotEntry withRider(String name, byte[] bytes) {
        Map<String, byte[]> next = new TreeMap<>(riders);
        if (bytes == null) {
            next.remove(name);
        } else {
            next.put(name, bytes);
        }
        return new SnapshotEntry(snapshot, next);
    }

    /** What to store: the snapshot alone when there is no rider; null when there is nothing (delete the key). */
    public byte[] bytes() {
        if (riders.isEmpty()) {
            return snapshot;
        }
        int size = 2 + length(snapshot) + Integer.BYTES;
        for (Map.Entry<String, byte[]> rider : riders.entrySet()) {
            size += length(rider.getKey().getBytes(StandardCharsets.UTF_8)) + length(rider.getValue());
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(MARK).put(VERSION);
        put(out, snapshot);
        out.putInt(riders.size());
        riders.forEach((name, bytes) -> {
            put(out, name.getBytes(StandardCharsets.UTF_8));
            put(out, bytes);
        });
        return out.array();
    }

    private static int length(byte[] bytes) {
        return Integer.BYTES + (bytes == null ? 0 : bytes.length);
    }

    private static void put(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(ABSENT);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == ABSENT) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "SnapshotEntry[snapshot=" + (snapshot == null ? "none" : snapshot.length + " B") + ", riders="
                + riders.keySet() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotEntry that && Arrays.equals(snapshot, that.snapshot)
                && riders.keySet().equals(that.riders.keySet())
                && riders.entrySet().stream().allMatch(rider -> Arrays.equals(rider.getValue(), that.rider(rider.getKey())));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(snapshot) * 31 + riders.keySet().hashCode();
    }
}
