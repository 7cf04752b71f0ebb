package io.eventline.core.retry;

import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The values of an effect's done store. Under an event id it holds the effect while it is pending,
 * then its outcome in its place: a pending value is the byte {@code P} followed by the
 * {@link PendingEffect}'s JSON; any other value is an {@link EffectOutcome}'s JSON, which begins with
 * <code>{</code>. Why a first byte: the scan of the store when a task starts reads every effect ever
 * done, and must find the pending ones without parsing the outcomes. Why the outcomes carry no mark:
 * those written before pending effects moved into the store read as they always did.
 */
final class EffectValues {
    /** Never the first byte of a JSON document, so never of an outcome. */
    private static final byte PENDING = 'P';

    private EffectValues() {
    }

    static boolean isPending(byte[] value) {
        return value.length > 0 && value[0] == PENDING;
    }

    static byte[] pending(PendingEffect effect) {
        byte[] json = Json.write(effect);
        byte[] value = new byte[json.length + 1];
        value[0] = PENDING;
        System.arraycopy(json, 0, value, 1, json.length);
        return value;
    }

    static byte[] outcome(EffectOutcome outcome) {
        return Json.write(outcome);
    }

    /** @param value a value that {@link #isPending} */
    static PendingEffect readPending(byte[] value) {
        return read(value, 1, PendingEffect.class);
    }

    /** A pending effect as the legacy pending store holds it: its JSON, unmarked. */
    static PendingEffect readLegacyPending(byte[] value) {
        return read(value, 0, PendingEffect.class);
    }

    /** @param value a value that is not {@link #isPending} */
    static EffectOutcome readOutcome(byte[] value) {
        return read(value, 0, EffectOutcome.class);
    }

    private static <V> V read(byte[] value, int from, Class<V> type) {
        try {
            return Json.mapper().readValue(value, from, value.length - from, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + type.getSimpleName() + " in an effect store", e);
        }
    }
}
