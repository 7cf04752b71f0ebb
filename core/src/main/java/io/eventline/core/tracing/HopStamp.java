package io.eventline.core.tracing;

import java.util.Optional;

/**
 * What one hop says about itself on each record it writes, in the {@value #HEADER} header: the
 * service and the step in it that handled a record (a decider, a
 * reaction, a saga; two joined by {@code +} when a reaction's command was decided in place), what it read it from, its parent span (the hop that wrote what it
 * read), how long that record waited before this hop took it (in the topic: until its transaction
 * committed, until it was fetched and polled), and when the hop received it and wrote this record.
 * A flow's timeline is read off the topics from these alone, with or without a tracing backend.
 * Times are microseconds since the epoch; {@code waited} is -1 when the cause's write time is unknown.
 *
 * <p>The value is plain text, {@code service=wallets;step=wallets-decide;read=wallets.commands;parent=00f067aa0ba902b7;waited=5120;received=…;sent=…}:
 * readable in kcat or the console without a decoder.
 */
public record HopStamp(String service, String step, String read, String parentSpanId, long waitedMicros,
                       long receivedMicros, long sentMicros) {
    public static final String HEADER = "eventline-hop";
    /** The parent of a hop that started its trace. */
    public static final String NO_PARENT = "-";

    public String header() {
        return "service=" + service + ";step=" + step + ";read=" + read + ";parent=" + parentSpanId + ";waited=" + waitedMicros
                + ";received=" + receivedMicros + ";sent=" + sentMicros;
    }

    /** The stamp a header holds, or none when it is missing or not one. */
    public static Optional<HopStamp> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String service = null;
        String step = null;
        String read = null;
        String parent = null;
        Long waited = null;
        Long received = null;
        Long sent = null;
        try {
            for (String field : header.split(";")) {
                int eq = field.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                String value = field.substring(eq + 1);
                switch (field.substring(0, eq)) {
                    case "service" -> service = value;
                    case "step" -> step = value;
                    case "read" -> read = value;
                    case "parent" -> parent = value;
                    case "waited" -> waited = Long.parseLong(value);
                    case "received" -> received = Long.parseLong(value);
                    case "sent" -> sent = Long.parseLong(value);
                    default -> { } // a later version's field: ignored, as readers of traceparent do
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (service == null || step == null || read == null || parent == null || waited == null || received == null || sent == null) {
            return Optional.empty();
        }
        return Optional.of(new HopStamp(service, step, read, parent, waited, received, sent));
    }

    public boolean startedTrace() {
        return NO_PARENT.equals(parentSpanId);
    }
}
