package io.eventline.app.tracing;

import io.eventline.core.tracing.HopStamp;
import io.eventline.core.tracing.TraceParent;
import java.util.Optional;

/**
 * One record of a trace as its headers tell it: where it is, what it is (an event's type, a
 * command's, or "reply"), the hop that wrote it ({@code context}: its span) and that hop's stamp.
 */
record TracedRecord(String topic, int partition, long offset, String key, long timestampMs, String type,
                    TraceParent context, Optional<HopStamp> hop) {
}
