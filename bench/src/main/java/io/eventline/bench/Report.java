package io.eventline.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The run as text: machine and settings, then the figures, then each target met or missed. */
final class Report {
    /** Records per order below which a topic is left out of the per-topic line (one order in twenty). */
    private static final double TOPIC_LEAST = 0.05;

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void print(Results results) {
        header(results.machine(), results.settings());
        raw(results.raw());
        hop(results.hop(), results.raw());
        sagas(results);
        new MinimalReport(out).print(results);
        results.tracing().ifPresent(this::tracing);
        rebuild(results.rebuild(), results.coldStart());
        targets(results);
        out.flush();
    }

    private void header(Machine machine, Settings settings) {
        out.println("# Eventline bench");
        line("machine: %d cores (%s), %.1f GiB, %s", machine.cores(), machine.cpu(),
                machine.memoryBytes() / (1024.0 * 1024 * 1024), machine.os());
        line("jdk: %s", machine.jdk());
        line("load average (1, 5, 15 min, as uptime shows): %s at the start, %s at the end", machine.loadBefore(),
                machine.loadAfter());
        if (machine.loaded()) {
            line("WARNING: the load average exceeded the core count: other work shared the CPUs, and these "
                    + "figures are not to be trusted; re-run on a quiet machine");
        }
        for (Map.Entry<String, String> setting : settings.ordered().entrySet()) {
            line("%s: %s", setting.getKey(), setting.getValue());
        }
    }

    private void raw(Results.Raw raw) {
        section("Raw Kafka (the ceilings)");
        row("idempotent producer, acks=all", rate(raw.producer(), "records"));
        row("transactional read-process-write, commit " + Plan.COMMIT_MS + " ms", rate(raw.transactional(),
                "records"));
        row("producer → consumer latency", latency(raw.latency()));
        row("hand-written Streams EOS v2 count, RocksDB, 1 thread", rate(raw.streams(), "records"));
    }

    private void hop(Results.Hop hop, Results.Raw raw) {
        section("One aggregate command hop (decider runtime)");
        row("exactly-once", rate(hop.exactlyOnce(), "commands") + ratio(hop.exactlyOnce(), raw.streams(),
                "of hand-written Streams"));
        row("exactly-once latency", latency(hop.exactlyOnceLatency()));
        row("at-least-once", rate(hop.atLeastOnce(), "commands") + ratio(hop.exactlyOnce(), hop.atLeastOnce(),
                "exactly-once ÷ at-least-once"));
        row("at-least-once latency", latency(hop.atLeastOnceLatency()));
        row("the same job hand-written on Kafka Streams, exactly-once", rate(hop.handWritten(), "commands")
                + ratio(hop.exactlyOnce(), hop.handWritten(), "exactly-once hop ÷ hand-written"));
    }

    private void sagas(Results results) {
        section("The order saga (orders/s the platform keeps up with; latency placed → shipped at half that rate)");
        out.println("| style | commit | orders/s sustained | shipped/s in a burst | records/order | raw ideal "
                + "| ÷ ideal | rate | p50 | p99 | p99.9 | max | failed |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        double transactional = results.raw().transactional().perSecond();
        for (Results.SagaRun saga : results.sagas()) {
            double ideal = Targets.rawIdeal(transactional, saga.records().perOrder());
            LatencySummary l = saga.halfRate();
            line("| %s | %d ms | %.0f | %.0f | %.1f | %.0f | %.0f %% | %.0f/s | %.0f ms | %.0f ms | %.0f ms | %.0f ms "
                            + "| %d |", saga.style(), saga.commitMs(), saga.saturation().perSecond(),
                    saga.burst().perSecond(), saga.records().perOrder(), ideal,
                    100 * saga.saturation().perSecond() / ideal, l.rate(), l.p50(), l.p99(), l.p999(), l.max(),
                    l.failed());
        }
        out.println();
        for (Results.SagaRun saga : results.sagas()) {
            StringBuilder kinds = new StringBuilder();
            saga.records().sorted().forEach((kind, count) -> kinds.append(String.format(Locale.ROOT, ", %s %.1f",
                    kind.label(), (double) count / saga.records().orders())));
            line("records per order, %s at %d ms: %.1f committed%s; end offsets moved %.1f (transaction markers "
                            + "included), over %,d orders", saga.style(), saga.commitMs(), saga.records().perOrder(),
                    kinds, saga.records().offsetsPerOrder(), saga.records().orders());
        }
        for (Results.SagaRun saga : results.sagas()) {
            StringBuilder topics = new StringBuilder();
            saga.records().topicsPerOrder(TOPIC_LEAST).forEach((topic, perOrder) -> topics.append(
                    topics.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", topic, perOrder)));
            line("records per order by topic, %s at %d ms (%.2f or more): %s", saga.style(), saga.commitMs(),
                    TOPIC_LEAST, topics);
        }
        for (Results.SagaRun saga : results.sagas()) {
            loadedHops(saga);
        }
    }

    /** Every hop of the half-rate phase, per step, from the hop stamps on what each wrote. */
    private void loadedHops(Results.SagaRun saga) {
        if (saga.loadedHops().isEmpty()) {
            return;
        }
        out.println();
        line("Under load, %s at %d ms (every order of the half-rate phase, %.0f/s, timed by the hop stamps on "
                        + "what each step wrote): waited = the input's writer wrote it → this step received it (the "
                        + "writer's commit, the fetch, the records ahead of it); handled = received → wrote",
                saga.style(), saga.commitMs(), saga.halfRate().rate());
        out.println();
        out.println("| step | read | hops | waited p50 | waited p99 | handled p50 | handled p99 |");
        out.println("|---|---|---|---|---|---|---|");
        for (LoadedHops.Step step : saga.loadedHops()) {
            line("| %s | %s | %,d | %.1f ms | %.1f ms | %.2f ms | %.2f ms |", step.step(), step.read(), step.hops(),
                    step.waitedP50(), step.waitedP99(), step.handledP50(), step.handledP99());
        }
    }

    /** The saga without trace headers, with them (the default), with spans exported: three warm runs. */
    private void tracing(Results.Tracing tracing) {
        Results.SagaRun off = tracing.off();
        section("Tracing: no trace headers, the headers (default), spans exported over OTLP/HTTP ("
                + off.style() + ", commit " + off.commitMs() + " ms, three runs back to back on a warm JVM)");
        out.println("| | one order at a time (median) | orders/s sustained | CPU per order | p50 | p99 "
                + "| records/order |");
        out.println("|---|---|---|---|---|---|---|");
        tracingRow("no trace headers", off);
        tracingRow("trace headers (default)", tracing.headers());
        tracingRow("spans exported", tracing.exported());
        ratioRow("headers ÷ none", tracing.headers(), off);
        ratioRow("exported ÷ none", tracing.exported(), off);
        out.println();
        line("exported: %,d batches, %,d bytes of spans over the whole run (warm-up and every phase)",
                tracing.posts(), tracing.bytes());
    }

    private void ratioRow(String label, Results.SagaRun run, Results.SagaRun base) {
        line("| %s | %.2f× | %.2f× | %.2f× | %.2f× | %.2f× | |", label, run.idle().median() / base.idle().median(),
                run.saturation().perSecond() / base.saturation().perSecond(), run.cpuMsPerOrder() / base.cpuMsPerOrder(),
                run.halfRate().p50() / base.halfRate().p50(), run.halfRate().p99() / base.halfRate().p99());
    }

    private void tracingRow(String label, Results.SagaRun run) {
        line("| %s | %.0f ms | %.0f | %.2f ms | %.0f ms | %.0f ms | %.1f |", label, run.idle().median(),
                run.saturation().perSecond(), run.cpuMsPerOrder(), run.halfRate().p50(), run.halfRate().p99(),
                run.records().perOrder());
    }

    private void rebuild(Results.Rebuild rebuild, Results.ColdStart cold) {
        section("Read model rebuild and start");
        row("projection rebuild from offset 0 to cut-over", rate(rebuild.rebuild(), "events")
                + ratio(rebuild.rebuild(), rebuild.rawConsumer(), "of the raw consumer"));
        row("raw consumer, same topic from offset 0", rate(rebuild.rawConsumer(), "records"));
        row(cold.withAotCache() == null ? "cold ./eventline run to ready (process start → ready line)"
                : "cold ./eventline run to ready (process start → ready line), the first, recording the JVM's AOT cache",
                String.format(Locale.ROOT, "%.1f s (it reports %.1f s)", cold.seconds(), cold.reportedSeconds()));
        if (cold.withAotCache() != null) {
            row("cold ./eventline run to ready, a later start (another empty data dir) with that cache",
                    String.format(Locale.ROOT, "%.1f s (it reports %.1f s)", cold.withAotCache().seconds(),
                            cold.withAotCache().reportedSeconds()));
        }
        atRest("./eventline run at rest", cold.idle());
        row("the embedded broker alone at rest, on the run's data", idle(cold.brokerAlone()));
        atRest("the minimal saga at rest, its embedded broker in its JVM (the floor)", cold.minimalAtRest());
    }

    private void atRest(String what, Results.AtRest rest) {
        if (rest.withAotCache() == null) {
            row(what, idle(rest.first()));
            return;
        }
        row(what + ", the first start (recording its AOT cache)", idle(rest.first()));
        row(what + ", a later start with that cache (the target's)", idle(rest.withAotCache()));
    }

    private static String idle(IdleCost cost) {
        return String.format(Locale.ROOT, "%.1f %% of one core (the JIT's compiler threads %.1f %%), %d threads (over %d s)",
                cost.percentOfCore(), cost.compilerPercentOfCore(), cost.threads(), cost.window().toSeconds());
    }

    private void targets(Results results) {
        section("Targets");
        out.println("| target | figure | needed | minimal saga | verdict |");
        out.println("|---|---|---|---|---|");
        for (Target target : Targets.of(results)) {
            String verdict = target.met() ? "PASS" : "MISS";
            switch (target) {
                case Target.Ratio r -> line("| %s | %.0f %% | ≥ %.0f %% | | %s |", r.name(), 100 * r.ratio(),
                        100 * r.minimum(), verdict);
                case Target.Within w -> line("| %s | %.2f× (%.1f ÷ %.1f) | ≤ %.1f× | | %s |", w.name(), w.ratio(),
                        w.value(), w.baseline(), w.maximum(), verdict);
                case Target.Limit l -> line("| %s | %.1f %s | ≤ %.0f %s | %s | %s |", l.name(), l.value(), l.unit(),
                        l.maximum(), l.unit(), floor(l.floor(), l.unit()), verdict);
                case Target.AtLeast a -> line("| %s | %.0f %s | ≥ %.0f %s | %s | %s |", a.name(), a.value(), a.unit(),
                        a.minimum(), a.unit(), floor(a.floor(), a.unit()), verdict);
            }
        }
    }

    private static String floor(double value, String unit) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f %s", value, unit);
    }

    private static String rate(Throughput throughput, String what) {
        return String.format(Locale.ROOT, "%,.0f %s/s (%,d in %.1f s)", throughput.perSecond(), what,
                throughput.count(), throughput.seconds());
    }

    private static String ratio(Throughput value, Throughput baseline, String of) {
        return String.format(Locale.ROOT, "; %.0f %% %s", 100 * value.perSecond() / baseline.perSecond(), of);
    }

    private static String latency(LatencySummary l) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d at %.0f/s%s)",
                l.p50(), l.p99(), l.p999(), l.max(), l.count(), l.rate(), l.failed() > 0 ? ", " + l.failed()
                        + " failed" : "");
    }

    private void section(String title) {
        out.println();
        out.println("## " + title);
    }

    private void row(String what, String figure) {
        line("- %s: %s", what, figure);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
