package io.eventline.app.console;

import io.eventline.http.ApiException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most so many {@code /api/stream} clients at once: each holds a Kafka consumer, a thread and its
 * outbox, so without a cap any client (or page) could open streams until the heap or the broker's
 * connections run out. Beyond it a client is answered 503 with {@code Retry-After}; an
 * {@code EventSource} retries by itself.
 */
final class StreamSlots {
    /** Seconds a refused client is asked to wait: long enough for a closed tab's stream to end. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int max;
    private final Semaphore free;

    StreamSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("--max-streams: at least 1, was " + max);
        }
        this.max = max;
        this.free = new Semaphore(max);
    }

    /** @throws ApiException 503 when every slot is taken */
    Slot take() {
        if (!free.tryAcquire()) {
            throw new ApiException(503, "Service Unavailable", max + " event streams are open, the most this "
                    + "server serves at once (--max-streams); retry after " + RETRY_AFTER_SECONDS + " s",
                    List.of());
        }
        return new Slot();
    }

    int open() {
        return max - free.availablePermits();
    }

    /** One stream's place, given back once however often it is closed. */
    final class Slot implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void close() {
            if (!released.getAndSet(true)) {
                free.release();
            }
        }
    }
}
