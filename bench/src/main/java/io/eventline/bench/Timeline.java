package io.eventline.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One order's way through the topics, as {@link HopTrace} saw it, in hops. A hop is the records one
 * step wrote (a transaction may write several: an event, a command, a reply); a record created before
 * the step's first record was visible cannot have been caused by it, so it belongs to the same step,
 * if it also became visible with it (a consumer can be slower to see a record than the stage that
 * reacts to it, so visibility alone would merge two hops).
 * Per hop: {@code committing} = from its first record's create timestamp until a {@code read_committed}
 * consumer saw one of its records ({@code uncommitted}: until a {@code read_uncommitted} one did);
 * {@code processing} = from then until the next hop's first record was created (fetching, polling,
 * processing; NaN for the last hop). The hops' {@code committing + processing} add up to {@code totalMs}.
 */
record Timeline(List<Hop> hops, double totalMs) {
    /** Records of one transaction become visible together: in one fetch, within this of each other. */
    static final double SAME_COMMIT_MS = 2;

    Timeline {
        hops = List.copyOf(hops);
    }

    /** @param records the arrivals, all visible committed, in the order they were created */
    record Hop(List<String> records, double atMs, double uncommittedMs, double committingMs, double processingMs) {
        Hop {
            records = List.copyOf(records);
        }
    }

    /** No trace: the order was not seen end to end in time. */
    static Timeline none() {
        return new Timeline(List.of(), Double.NaN);
    }

    static Timeline of(List<HopTrace.Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return none();
        }
        List<List<HopTrace.Arrival>> steps = new ArrayList<>();
        List<HopTrace.Arrival> step = null;
        double visible = Double.NaN;
        for (HopTrace.Arrival arrival : arrivals) {
            if (step == null || arrival.createdMs() >= visible || arrival.committedMs() > visible + SAME_COMMIT_MS) {
                step = new ArrayList<>();
                steps.add(step);
                visible = Double.MAX_VALUE;
            }
            step.add(arrival);
            visible = Math.min(visible, arrival.committedMs());
        }
        double start = arrivals.getFirst().createdMs();
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<HopTrace.Arrival> s = steps.get(i);
            double created = s.getFirst().createdMs();
            double committed = s.stream().mapToDouble(HopTrace.Arrival::committedMs).min().orElseThrow();
            double uncommitted = s.stream().mapToDouble(HopTrace.Arrival::uncommittedMs).filter(ms -> !Double.isNaN(ms))
                    .min().orElse(Double.NaN);
            double next = i + 1 < steps.size() ? steps.get(i + 1).getFirst().createdMs() : Double.NaN;
            hops.add(new Hop(s.stream().map(HopTrace.Arrival::label).toList(), created - start, uncommitted - created,
                    committed - created, next - committed));
        }
        double end = steps.getLast().stream().mapToDouble(HopTrace.Arrival::committedMs).min().orElseThrow();
        return new Timeline(hops, end - start);
    }
}
