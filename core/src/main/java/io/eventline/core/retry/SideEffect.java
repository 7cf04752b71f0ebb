package io.eventline.core.retry;

/**
 * Something that leaves Kafka: a mail, a webhook, a call to a payment provider. It is given an
 * idempotency key (the id of the event that asked for it) to pass on to the outside world, so that
 * the rare repeat after a crash is recognised there; on this side, {@link EffectTopology} records each
 * key's outcome and never performs a recorded one again.
 *
 * <p>Called off the stream thread, for several keys at once, never twice at once for one key: an
 * implementation must be thread-safe. It may block (that is what the thread is for) but should bound
 * how long, with a timeout: a task holds a few attempts at a time, and its close interrupts them.
 *
 * @param <T> what the effect needs, read from the event
 */
@FunctionalInterface
public interface SideEffect<T> {
    /**
     * @throws TransientEffectException when trying again later may succeed (target down, timeout)
     * @throws RuntimeException anything else: a permanent failure, dead-lettered at once
     */
    void perform(String idempotencyKey, T payload);
}
