package io.eventline.core.retry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's effects: the done store, which holds each effect under its event id, pending then settled
 * ({@link EffectValues}), and in memory the effects pending. An effect costs the store's changelog two
 * records, its pending value then its outcome over it; kept in a store of their own, pending effects
 * cost three (put, tombstone, outcome): Kafka Streams' record cache writes a tombstone even for a key
 * that never reached the store beneath it. Used on the stream thread only.
 */
final class EffectLedger {
    private static final Logger LOG = LoggerFactory.getLogger(EffectLedger.class);

    private final KeyValueStore<String, byte[]> store;
    /**
     * When each pending effect is due, by event id, oldest parked first: read by one scan of the store
     * when the task starts, then kept as the store has it by every change, so that a tick costs in
     * proportion to the effects pending, not to every effect ever done, and parses only those it starts.
     */
    private final Map<String, Long> dueAt = new LinkedHashMap<>();

    private EffectLedger(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /**
     * Reads the pending effects from {@code store}, and moves in those parked in {@code legacy} before
     * the upgrade. For a processor's {@code init}: the stores are restored by then, and a write has a
     * record context.
     */
    static EffectLedger open(KeyValueStore<String, byte[]> store, KeyValueStore<String, byte[]> legacy) {
        EffectLedger ledger = new EffectLedger(store);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (EffectValues.isPending(entry.value)) { // an outcome is never parsed
                    ledger.dueAt.put(entry.key, EffectValues.readPending(entry.value).dueAt());
                }
            });
        }
        ledger.moveIn(legacy);
        return ledger;
    }

    /**
     * Moves each effect of the legacy pending store into the store, in the place of any outcome (as
     * before, a pending effect was the one to perform: a replay of a dead-lettered effect waited there
     * beside its outcome), and deletes it there: once moved, the legacy store's changelog gets nothing.
     */
    private void moveIn(KeyValueStore<String, byte[]> legacy) {
        List<KeyValue<String, byte[]>> parked = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = legacy.all()) {
            all.forEachRemaining(parked::add); // written after the iterator is closed
        }
        for (KeyValue<String, byte[]> entry : parked) {
            park(entry.key, EffectValues.readLegacyPending(entry.value));
            legacy.delete(entry.key);
        }
        if (!parked.isEmpty()) {
            LOG.info("{}: moved {} effect(s) parked before the upgrade into {}", legacy.name(), parked.size(),
                    store.name());
        }
    }

    boolean anyPending() {
        return !dueAt.isEmpty();
    }

    /** Whether the effect is under way, or waiting for an attempt. */
    boolean isPending(String key) {
        return dueAt.containsKey(key);
    }

    /** The pending effect, parsed from the store; empty when it is not pending. */
    Optional<PendingEffect> pending(String key) {
        return isPending(key) ? Optional.of(EffectValues.readPending(store.get(key))) : Optional.empty();
    }

    /** How the effect ended; empty when it never started, or is still pending. */
    Optional<EffectOutcome> outcome(String key) {
        if (isPending(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(key)).map(EffectValues::readOutcome);
    }

    /** Keeps the effect pending, due at its {@link PendingEffect#dueAt()}, in the place of anything before. */
    void park(String key, PendingEffect effect) {
        store.put(key, EffectValues.pending(effect));
        dueAt.put(key, effect.dueAt());
    }

    /** Records the effect's outcome in the place of the pending effect: the event id's last write. */
    void settle(String key, EffectOutcome outcome) {
        store.put(key, EffectValues.outcome(outcome));
        dueAt.remove(key);
    }

    /** Up to {@code max} pending effects due by {@code now}, oldest parked first, but for those {@code running}. */
    List<String> due(long now, int max, Predicate<String> running) {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, Long> effect : dueAt.entrySet()) {
            if (due.size() >= max) {
                break;
            }
            if (effect.getValue() <= now && !running.test(effect.getKey())) {
                due.add(effect.getKey());
            }
        }
        return due;
    }
}
