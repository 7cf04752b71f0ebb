package io.eventline.core.saga;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EventEnvelope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which events start a saga and which abort it: per event topic, functions from an event to the saga's
 * data (start) or to a reason (abort), empty for events that do neither. Immutable: each method returns
 * a new set of triggers.
 *
 * <p>The record key of a trigger event is the saga id, and the trigger topics and the saga's reply
 * topic must have the same number of partitions: the state of a saga lives in the one task that owns
 * its key's partition, and its start, its abort and its replies must all reach that task. An event
 * keyed otherwise is a mistake of the trigger, not something the orchestrator can repair.
 *
 * {@snippet :
 * SagaTriggers<Purchase> triggers = SagaTriggers.<Purchase>none()
 *         .startOn("purchases.events", PURCHASE_EVENTS, event -> event instanceof Placed p
 *                 ? Optional.of(new Purchase(p.walletId(), p.amount())) : Optional.empty())
 *         .abortOn("purchases.events", PURCHASE_EVENTS, event -> event instanceof Cancelled c
 *                 ? Optional.of(c.reason()) : Optional.empty());
 * }
 */
public final class SagaTriggers<D> {
    private final Map<String, List<Function<EventEnvelope, Optional<D>>>> starts;
    private final Map<String, List<Function<EventEnvelope, Optional<String>>>> aborts;

    private SagaTriggers(Map<String, List<Function<EventEnvelope, Optional<D>>>> starts,
                         Map<String, List<Function<EventEnvelope, Optional<String>>>> aborts) {
        this.starts = starts;
        this.aborts = aborts;
    }

    public static <D> SagaTriggers<D> none() {
        return new SagaTriggers<>(Map.of(), Map.of());
    }

    /** Events of {@code topic}, read with {@code events}, that start the saga with the data they give. */
    public <E> SagaTriggers<D> startOn(String topic, Catalogue<E> events, Function<E, Optional<D>> start) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(start, "start");
        return startOn(topic, envelope -> start.apply(decode(events, envelope)));
    }

    /** As above, on the envelope, for a trigger that needs its metadata or reads no data. */
    public SagaTriggers<D> startOn(String topic, Function<EventEnvelope, Optional<D>> start) {
        return new SagaTriggers<>(with(starts, topic, start), aborts);
    }

    /** Events of {@code topic} that abort a running saga, with the reason they give. */
    public <E> SagaTriggers<D> abortOn(String topic, Catalogue<E> events, Function<E, Optional<String>> abort) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(abort, "abort");
        return abortOn(topic, envelope -> abort.apply(decode(events, envelope)));
    }

    public SagaTriggers<D> abortOn(String topic, Function<EventEnvelope, Optional<String>> abort) {
        return new SagaTriggers<>(starts, with(aborts, topic, abort));
    }

    /** Every topic that starts or aborts, each once, in the order first given. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(starts.keySet());
        topics.addAll(aborts.keySet());
        return topics;
    }

    /**
     * The data the first start trigger of the topic finds in the event.
     *
     * @throws io.eventline.core.envelope.UnknownMessageTypeException or
     *     {@link io.eventline.core.envelope.MalformedMessageException} when the event cannot be read
     */
    Optional<D> start(String topic, EventEnvelope event) {
        return first(starts.getOrDefault(topic, List.of()), event);
    }

    Optional<String> abort(String topic, EventEnvelope event) {
        return first(aborts.getOrDefault(topic, List.of()), event);
    }

    private static <T> Optional<T> first(List<Function<EventEnvelope, Optional<T>>> triggers, EventEnvelope event) {
        return triggers.stream().map(trigger -> trigger.apply(event)).flatMap(Optional::stream).findFirst();
    }

    private static <E> E decode(Catalogue<E> events, EventEnvelope envelope) {
        return events.decode(envelope.eventType(), envelope.version(), envelope.data());
    }

    private static <T> Map<String, List<T>> with(Map<String, List<T>> triggers, String topic, T trigger) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(trigger, "trigger");
        Map<String, List<T>> copy = new LinkedHashMap<>(triggers);
        copy.put(topic, Stream.concat(triggers.getOrDefault(topic, List.of()).stream(), Stream.of(trigger)).toList());
        return Collections.unmodifiableMap(copy); // ordered: nodes are added in the order triggers were given
    }
}
