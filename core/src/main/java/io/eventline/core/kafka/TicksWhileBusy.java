package io.eventline.core.kafka;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * A wall-clock punctuator that runs only while its processor has something to do: started when work
 * arrives, stopped when the work is done. Why: Kafka Streams marks a task as needing a commit after
 * every punctuation, so a punctuator left running on an idle task makes it commit a transaction (its
 * unchanged offsets) at every commit interval, for ever: at rest, an application whose effect had
 * run once kept committing ten transactions a second. Not thread-safe: a task's processors run on its
 * stream thread.
 *
 * <p>Each stream thread counts the punctuators ticking on it ({@link #anyOnThisThread}): a thread with
 * one ticking keeps to Kafka Streams' short polls, so that the ticks come on time ({@link RestingConsumer}).
 * A processor stops its ticks when its task closes, or its thread would count them for ever.
 */
public final class TicksWhileBusy {
    private static final ThreadLocal<int[]> TICKING = ThreadLocal.withInitial(() -> new int[1]);

    private final ProcessingContext context;
    private final Duration interval;
    private final Punctuator tick;
    private Cancellable scheduled;

    public TicksWhileBusy(ProcessingContext context, Duration interval, Punctuator tick) {
        this.context = context;
        this.interval = interval;
        this.tick = tick;
    }

    /** Ticks from now on, every interval; does nothing when already ticking. */
    public void start() {
        if (scheduled == null) {
            scheduled = context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, tick);
            TICKING.get()[0]++;
        }
    }

    /** Stops ticking (also from within a tick); {@link #start} starts again. */
    public void stop() {
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
            TICKING.get()[0]--;
        }
    }

    public boolean ticking() {
        return scheduled != null;
    }

    /** Whether a punctuator started here on the calling thread ticks now. */
    static boolean anyOnThisThread() {
        return TICKING.get()[0] > 0;
    }
}
