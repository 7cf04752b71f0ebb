package io.eventline.core.retry;

/**
 * Something that leaves Kafka: a mail, a webhook, a call to a payment provider. It is given an
 * idempotency key (the id of the event that asked for it) to pass on to the outside world, so that
 * the rare repeat after a crash is recognised there; on this side, {@link EffectTopology} records each
 * key's outcome and never performs a recorded one again.
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
