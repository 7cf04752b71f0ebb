package io.eventline.core.decider;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A state that rides beside an aggregate's snapshot ({@link SnapshotEntry}), handed to the aggregate's
 * decider with a command decided in place, so that the decider writes it in the same put as the
 * snapshot the command changes. Why: without a record cache every put is a changelog record, and a
 * saga step that wrote its state and then had its command decided wrote the one key twice
 * (docs/performance.md, "One write of an entry a step").
 *
 * <p>It travels in a header of the record handed over in place, which never reaches a topic. The
 * decider takes it off before anything else reads the record (a dead letter keeps a command's headers)
 * and honours it only on a record handed over in place: a record read from a topic cannot write beside
 * a snapshot.
 */
public final class Rider {
    static final String HEADER = "eventline.rider";

    private final String name;
    private final byte[] state;

    /**
     * @param name the rider's name in the entry ({@link SnapshotEntry#rider})
     * @param state its bytes
     */
    public Rider(String name, byte[] state) {
        this.name = Objects.requireNonNull(name, "name");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Adds this rider to the headers of the record handed over in place. */
    public Headers stamp(Headers headers) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        headers.add(HEADER, ByteBuffer.allocate(Integer.BYTES + nameBytes.length + state.length)
                .putInt(nameBytes.length).put(nameBytes).put(state).array());
        return headers;
    }

    /** The rider the headers carry, or null; either way the headers carry none afterwards. */
    static Rider takeFrom(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null) {
            return null;
        }
        headers.remove(HEADER);
        ByteBuffer in = ByteBuffer.wrap(header.value());
        byte[] nameBytes = new byte[in.getInt()];
        in.get(nameBytes);
        byte[] state = new byte[in.remaining()];
        in.get(state);
        return new Rider(new String(nameBytes, StandardCharsets.UTF_8), state);
    }

    /** The entry with this rider's state in it. */
    SnapshotEntry onto(SnapshotEntry entry) {
        return entry.withRider(name, state);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rider that && name.equals(that.name) && Arrays.equals(state, that.state);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "Rider[" + name + ", " + state.length + " B]";
    }
}
