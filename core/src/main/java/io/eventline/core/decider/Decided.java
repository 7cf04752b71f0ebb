package io.eventline.core.decider;

/** What the command processor emits: events for the event topic, and the reply to the sender. */
sealed interface Decided {
    byte[] value();

    record Event(byte[] value) implements Decided {
    }

    /** A reply, to the aggregate's reply topic or to the {@code replyTo} topic the command named. */
    record Answer(byte[] value, String topic) implements Decided {
    }
}
