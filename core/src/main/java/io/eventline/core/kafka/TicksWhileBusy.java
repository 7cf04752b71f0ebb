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
 */
public final class TicksWhileBusy {
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
        }
    }

    /** Stops ticking (also from within a tick); {@link #start} starts again. */
    public void stop() {
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
    }

    public boolean ticking() {
        return scheduled != null;
    }
}
