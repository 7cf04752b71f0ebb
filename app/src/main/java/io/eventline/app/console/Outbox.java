package io.eventline.app.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events one stream client has yet to be sent, bounded in bytes: the thread reading Kafka puts,
 * the thread writing to the client takes. When a frame does not fit, the client is not keeping up and
 * {@link #offer} says so; the stream then disconnects it rather than drop frames. Why disconnect: up
 * to {@value EventStream#MAX_PER_SECOND} events a second are sent and the rest counted as skipped, so
 * a client still this far behind is not reading (a frozen tab, a dead network path); silently dropped
 * events would show it a chain of events with holes and no sign of them, while a disconnected
 * {@code EventSource} reconnects by itself and starts again, whole, from the end of the log.
 */
final class Outbox {
    /** One Server-Sent Event. */
    record Frame(String event, String data, String id) {
        int bytes() {
            return (event == null ? 0 : event.length()) + data.length() + (id == null ? 0 : id.length());
        }
    }

    private final long capacityBytes;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long bytes;
    private boolean closed;

    Outbox(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** @return false, keeping nothing, when the frame does not fit or the outbox was closed */
    boolean offer(Frame frame) {
        lock.lock();
        try {
            // One frame always fits an empty outbox, however large: it is the client's only one.
            if (closed || (!frames.isEmpty() && bytes + frame.bytes() > capacityBytes)) {
                return false;
            }
            frames.addLast(frame);
            bytes += frame.bytes();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next frame, or empty when none came within the time or the outbox is closed. */
    Optional<Frame> poll(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(timeout);
            while (frames.isEmpty() && !closed && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            Frame frame = closed ? null : frames.pollFirst();
            if (frame != null) {
                bytes -= frame.bytes();
            }
            return Optional.ofNullable(frame);
        } finally {
            lock.unlock();
        }
    }

    /** Drops what waits and refuses more: the memory is given back at once, whatever the writer does. */
    void close() {
        lock.lock();
        try {
            closed = true;
            frames.clear();
            bytes = 0;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
