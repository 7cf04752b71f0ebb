package io.eventline.bench;

import io.eventline.core.tracing.HopStamp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Where an order's time goes under load, hop by hop: every record the platform writes carries its
 * writer's {@link HopStamp} (what the step read, how long that record waited for the step, when the
 * step received it and when it wrote), so the records of a phase, read back, time every hop of every
 * order in it. Per step: how long its inputs waited (their writer's commit, the fetch, the records
 * queued ahead of them in the step's thread) and how long the step took from receiving one to writing.
 *
 * <p>The idle order's {@link HopTrace} times one order from outside; this needs no consumer beside the
 * platform while it runs, so it can look at every order of a loaded phase without adding load.
 */
final class LoadedHops {
    /**
     * One step, over the phase: {@code hops} inputs handled; waited and handled in milliseconds,
     * {@code waited} over the hops whose cause's write time was known.
     */
    record Step(String step, String read, long hops, double waitedP50, double waitedP99, double handledP50,
                double handledP99) {
    }

    /** Microseconds, as the stamps have them, up to a minute. */
    private record Samples(Histogram waited, Histogram handled) {
        Samples() {
            this(new Histogram(MAX_MICROS, 3), new Histogram(MAX_MICROS, 3));
        }
    }

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Map<String, Samples> steps = new HashMap<>();
    // A hop that wrote several records (events, a reply, a command) stamped each alike: counted once.
    private final Set<String> seen = new HashSet<>();

    /** Takes the record's stamp into account, if it has one and is on a topic the services read. */
    void accept(ConsumerRecord<?, ?> record) {
        TopicKind kind = TopicKind.of(record.topic());
        if (kind == TopicKind.CHANGELOG || kind == TopicKind.REPARTITION) {
            return; // written in the same transaction as what they follow, with its headers
        }
        Header header = record.headers().lastHeader(HopStamp.HEADER);
        if (header == null) {
            return;
        }
        HopStamp.parse(new String(header.value(), StandardCharsets.UTF_8)).ifPresent(this::accept);
    }

    void accept(HopStamp stamp) {
        if (!seen.add(stamp.step() + '|' + stamp.parentSpanId() + '|' + stamp.receivedMicros())) {
            return;
        }
        Samples samples = steps.computeIfAbsent(stamp.step() + " ← " + stamp.read(), key -> new Samples());
        if (stamp.waitedMicros() >= 0) {
            samples.waited().recordValue(Math.min(stamp.waitedMicros(), MAX_MICROS));
        }
        samples.handled().recordValue(Math.clamp(stamp.sentMicros() - stamp.receivedMicros(), 0, MAX_MICROS));
    }

    /** Every step seen, the longest median wait first, those with no wait known last. */
    List<Step> steps() {
        List<Step> all = new ArrayList<>();
        steps.forEach((key, samples) -> {
            int arrow = key.indexOf(" ← ");
            all.add(new Step(key.substring(0, arrow), key.substring(arrow + 3), samples.handled().getTotalCount(),
                    millis(samples.waited(), 50), millis(samples.waited(), 99), millis(samples.handled(), 50),
                    millis(samples.handled(), 99)));
        });
        // NaN (no wait known) last.
        all.sort(Comparator.comparingDouble((Step step) -> Double.isNaN(step.waitedP50()) ? -1 : step.waitedP50())
                .reversed().thenComparing(Step::step));
        return all;
    }

    /** NaN when there is no sample. */
    private static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1e3;
    }
}
