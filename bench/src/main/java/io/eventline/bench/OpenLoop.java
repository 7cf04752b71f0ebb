package io.eventline.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a fixed rate whatever the answers do (an open model): request {@code i} is meant to leave
 * at {@code start + i / rate}. A sender that falls behind sends the late ones at once, and their
 * latency still counts from when they were meant to leave.
 */
final class OpenLoop {
    /** Sends request {@code index}, meant to leave at {@code intendedNanos}. */
    interface Sender {
        void send(long index, long intendedNanos);
    }

    /** Time as the loop sees it: the real clock, or a test's. */
    interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkUntil(long nanos) {
                long left;
                while ((left = nanos - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                }
            }
        };

        long nanoTime();

        void parkUntil(long nanos);
    }

    private final double perSecond;
    private final Clock clock;

    OpenLoop(double perSecond) {
        this(perSecond, Clock.SYSTEM);
    }

    OpenLoop(double perSecond, Clock clock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate: more than 0 per second, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** When request {@code index} is meant to leave: computed from the start, so no error accumulates. */
    long intendedAt(long startNanos, long index) {
        return startNanos + Math.round(index * 1e9 / perSecond);
    }

    /** Sends for {@code length}; returns how many requests were sent. */
    long run(Duration length, Sender sender) {
        long start = clock.nanoTime();
        long index = 0;
        for (long at = start; at - start < length.toNanos(); at = intendedAt(start, ++index)) {
            clock.parkUntil(at);
            sender.send(index, at);
        }
        return index;
    }
}
