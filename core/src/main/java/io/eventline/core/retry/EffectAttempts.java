package io.eventline.core.retry;

import io.eventline.core.tracing.Hop;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The attempts of one task that are under way, off the stream thread: the stream thread starts them
 * and collects the finished ones (from its punctuator, or when a record finds every place taken), so
 * that a slow or silent target never holds up the records behind it, nor keeps a transaction open past
 * its timeout. At most {@code limit} at a time, so that a task never floods the target. Used on the
 * stream thread only; the attempts themselves run on {@code executor}.
 */
final class EffectAttempts implements AutoCloseable {
    private final Executor executor;
    private final int limit;
    private final Map<String, CompletableFuture<AttemptResult>> running = new HashMap<>();

    EffectAttempts(Executor executor, int limit) {
        this.executor = executor;
        this.limit = limit;
    }

    boolean isRunning(String key) {
        return running.containsKey(key);
    }

    int free() {
        return limit - running.size();
    }

    /**
     * @param hop the attempt's hop in the trace of the event that asked for it: current while the effect
     *     runs, so that what it calls continues the trace; closed when the attempt ends
     */
    <T> void start(String key, SideEffect<T> effect, T payload, Hop hop) {
        running.put(key, CompletableFuture.supplyAsync(() -> {
                    try (hop; Scope ignored = hop.makeCurrent()) {
                        return AttemptResult.perform(effect, key, payload);
                    }
                }, executor)
                // An Error out of the effect (a missing class, say): no retry will mend it.
                .exceptionally(error -> new AttemptResult.Permanent(AttemptResult.describe(error))));
    }

    /** The attempts that have finished since the last call, in no particular order. */
    Map<String, AttemptResult> finished() {
        Map<String, AttemptResult> finished = new LinkedHashMap<>();
        running.entrySet().removeIf(attempt -> {
            if (!attempt.getValue().isDone()) {
                return false;
            }
            finished.put(attempt.getKey(), attempt.getValue().join());
            return true;
        });
        return finished;
    }

    /**
     * Interrupts the attempts under way and forgets them: the task is closing, and its pending store
     * (with its changelog) has them all; the next owner of the partition tries them again, under the
     * same idempotency keys.
     */
    @Override
    public void close() {
        running.clear();
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
