package io.eventline.app.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The log read twice up to the same end offsets: {@code read_uncommitted} (every record written, of
 * committed and aborted transactions alike) and {@code read_committed}. Every record the committed
 * view shows must be the record the log holds at that position; the records only the uncommitted view
 * shows are those of aborted transactions (or, on a compacted topic, compacted away between the reads).
 * Compared by position and a checksum of the value, so that neither view is held whole.
 */
final class CommittedView {
    private final Map<Position, Long> uncommitted = new HashMap<>();
    private final Map<Position, Long> committed = new HashMap<>();

    void uncommitted(LoggedRecord record) {
        uncommitted.put(record.position(), checksum(record.value()));
    }

    void committed(LoggedRecord record) {
        committed.put(record.position(), checksum(record.value()));
    }

    /** Records only read_uncommitted returned: aborted. */
    long aborted() {
        return uncommitted.keySet().stream().filter(position -> !committed.containsKey(position)).count();
    }

    java.util.List<Violation> violations() {
        return committed.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(uncommitted.get(entry.getKey())))
                .map(entry -> (Violation) new Violation.AbortedRecordVisible(entry.getKey()))
                .toList();
    }

    private static long checksum(byte[] value) {
        if (value == null) {
            return -1; // a tombstone: no checksum is negative
        }
        CRC32C crc = new CRC32C();
        crc.update(value);
        return crc.getValue();
    }
}
