package io.eventline.core.saga;

/** A command envelope as JSON bytes, and the command topic it goes to. */
record Outbound(String topic, byte[] value) {
}
