package io.eventline.core.saga;

/**
 * A command envelope as JSON bytes, and the command topic it goes to; {@code inPlace}: a command for
 * the saga's own key to the aggregate decided in the saga's task, which never crosses that topic.
 */
record Outbound(String topic, byte[] value, boolean inPlace) {
}
