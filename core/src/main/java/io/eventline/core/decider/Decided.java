package io.eventline.core.decider;

/** What the command processor emits: events for the event topic, and the reply to the sender. */
sealed interface Decided {
    byte[] value();

    record Event(byte[] value) implements Decided {
    }

    record Answer(byte[] value) implements Decided {
    }
}
