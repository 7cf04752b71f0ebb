package io.eventline.bench;

import io.eventline.core.kafka.StreamsSettings;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The report's part on the minimal saga on raw Kafka: its figures, each Eventline saga run as ratios
 * to it, and one order hop by hop in both.
 */
final class MinimalReport {
    private final PrintStream out;

    MinimalReport(PrintStream out) {
        this.out = out;
    }

    void print(Results results) {
        out.println();
        out.println("## The minimal saga on raw Kafka (the floor: hand-written stages, exactly-once, Eventline's "
                + "keys; see the settings)");
        line("- settings: commit every %s ms (Eventline's default %d ms), %d partitions per topic, producers "
                        + "linger.ms=%s, 4 stages of 1 thread each, state in HashMaps",
                commits(results), StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS, Cluster.PARTITIONS,
                Clients.PRODUCER.get(ProducerConfig.LINGER_MS_CONFIG));
        out.println("| commit | one order idle: median | max | orders/s sustained | shipped/s in a burst "
                + "| records/order | rate | p50 | p99 | p99.9 | max | failed |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Results.MinimalRun m : results.minimal()) {
            LatencySummary l = m.halfRate();
            line("| %d ms | %.1f ms | %.1f ms | %.0f | %.0f | %.1f | %.0f/s | %.1f ms | %.1f ms | %.1f ms | %.1f ms "
                            + "| %d |", m.commitMs(), m.idle().median(), m.idle().max(), m.sustained().perSecond(),
                    m.burst().perSecond(), m.records().perOrder(), l.rate(), l.p50(), l.p99(), l.p999(), l.max(),
                    l.failed() + m.idle().failed());
        }
        ratios(results);
        traces(results);
    }

    private void ratios(Results results) {
        out.println();
        line("Eventline ÷ the minimal saga at the same commit interval (latency: at most %.1f× wanted; orders/s: "
                + "at least %.2f wanted)", Targets.LATENCY_VS_MINIMAL, Targets.ORDERS_VS_MINIMAL);
        out.println("| style | commit | one order idle, Eventline / minimal | p50 | p99 | orders/s sustained "
                + "| CPU per order (broker included) |");
        out.println("|---|---|---|---|---|---|---|");
        for (Results.SagaRun saga : results.sagas()) {
            Optional<Results.MinimalRun> floor = results.minimalFor(saga);
            if (floor.isEmpty()) {
                continue;
            }
            Results.MinimalRun m = floor.get();
            line("| %s | %d ms | %s | %s | %s | %s | %s |", saga.style(), saga.commitMs(),
                    times(saga.idle().median(), m.idle().median(), "ms"),
                    times(saga.halfRate().p50(), m.halfRate().p50(), "ms"),
                    times(saga.halfRate().p99(), m.halfRate().p99(), "ms"),
                    times(saga.saturation().perSecond(), m.sustained().perSecond(), "/s"),
                    times(saga.cpuMsPerOrder(), m.cpuMsPerOrder(), "ms"));
        }
    }

    private void traces(Results results) {
        out.println();
        out.println("One order on the idle saga, hop by hop (committing: create timestamp → visible read_committed, "
                + "with read_uncommitted in brackets; then: visible → the next hop's record created; a few ms below "
                + "zero when the next stage saw the record before the trace's consumer did, create timestamps being "
                + "whole ms; Eventline's records count as created when first seen uncommitted, as Kafka Streams "
                + "stamps an output with its input's timestamp)");
        for (Results.MinimalRun m : results.minimal()) {
            trace("minimal saga, commit " + m.commitMs() + " ms", m.trace());
        }
        for (Results.SagaRun saga : results.sagas()) {
            trace("Eventline, " + saga.style() + ", commit " + saga.commitMs() + " ms", saga.trace());
        }
    }

    private void trace(String what, Timeline timeline) {
        out.println();
        if (timeline.hops().isEmpty()) {
            line("%s: not seen end to end in time", what);
            return;
        }
        line("%s: %.1f ms from the first record created to the last visible, in %d hops", what, timeline.totalMs(),
                timeline.hops().size());
        out.println("| hop | records | at | committing | then |");
        out.println("|---|---|---|---|---|");
        int n = 1;
        for (Timeline.Hop hop : timeline.hops()) {
            line("| %d | %s | %.1f ms | %.1f ms (%.1f) | %s |", n++, String.join(", ", hop.records()), hop.atMs(),
                    hop.committingMs(), hop.uncommittedMs(), Double.isNaN(hop.processingMs()) ? "end"
                            : String.format(Locale.ROOT, "%.1f ms", hop.processingMs()));
        }
    }

    private static String commits(Results results) {
        return String.join(", ", results.minimal().stream().map(m -> Integer.toString(m.commitMs())).toList());
    }

    private static String times(double eventline, double minimal, String unit) {
        return String.format(Locale.ROOT, "%.1f / %.1f %s = %.2f×", eventline, minimal, unit, eventline / minimal);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
