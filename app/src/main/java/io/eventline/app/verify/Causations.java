package io.eventline.app.verify;

/**
 * What the events' causations name: a command on a command topic, a command decided in place (no
 * topic holds it; its id derives from the event it reacted to, or from the saga that sent it), an event (a state event names
 * itself), or nothing the log still holds because a command topic's older records are past retention.
 */
public record Causations(long commands, long inPlaceCommands, long events, long unverifiable) {
}
