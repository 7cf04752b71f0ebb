package io.eventline.core.metrics;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * What Eventline's processors report as they go, for metrics: the application that runs them supplies
 * one in its Streams settings under {@link #CONFIG}; without one, nothing is reported.
 *
 * <p>Called on stream threads, before the task's transaction commits: a crash between the two
 * processes the record again and reports it again. Good for rates and latencies, never for money.
 * Implementations must be thread-safe (one instance serves every thread of every application that
 * was given it), fast, and must not throw.
 *
 * {@snippet :
 * Properties props = StreamsSettings.exactlyOnce("eventline-wallets", clients, stateDir);
 * props.put(ProcessingObserver.CONFIG, observer); // an object, not a class name
 * }
 */
public interface ProcessingObserver {
    /** The Streams setting that carries the observer instance. */
    String CONFIG = "eventline.processing.observer";

    ProcessingObserver NONE = new ProcessingObserver() {
    };

    /**
     * A processor of {@code service} has handled a record stamped {@code timestampMs} (the event's
     * time, or the command's), not counting records it dead-lettered. {@code service} is the service the
     * processor was added for ({@code StreamsSettings.service(part, applicationId)}: several may share
     * an application), or a read model's application id.
     */
    default void processed(String service, long timestampMs) {
    }

    /**
     * A decider appended {@code events} to {@code topic}, each stamped {@code at}, for an aggregate whose
     * first event was stamped {@code created}.
     */
    default void appended(String topic, Instant created, Instant at, List<?> events) {
    }

    /** The observer the application was given, or {@link #NONE}. */
    static ProcessingObserver of(ProcessorContext<?, ?> context) {
        return context.appConfigs().get(CONFIG) instanceof ProcessingObserver observer ? observer : NONE;
    }
}
