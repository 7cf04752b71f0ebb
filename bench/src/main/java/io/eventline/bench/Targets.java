package io.eventline.bench;

import java.util.ArrayList;
import java.util.List;

/** Issue 9's targets, each as a ratio to a baseline measured in the same run, or a limit. */
final class Targets {
    static final double HOP_VS_STREAMS = 0.90;
    static final double ORDERS_VS_RAW_IDEAL = 0.50;
    static final double P99_LIMIT_MS = 500;
    static final double EXACTLY_ONCE_VS_AT_LEAST_ONCE = 0.90;
    static final double REBUILD_VS_RAW_CONSUMER = 0.50;
    static final double COLD_START_LIMIT_S = 8;

    private Targets() {
    }

    /**
     * Orders per second if every record an order writes went at the raw transactional loop's rate:
     * what the platform could reach if its only cost were the records themselves. NaN when no record
     * per order was counted.
     */
    static double rawIdeal(double transactionalRecordsPerSecond, double recordsPerOrder) {
        return recordsPerOrder > 0 ? transactionalRecordsPerSecond / recordsPerOrder : Double.NaN;
    }

    static List<Target> of(Results results) {
        List<Target> targets = new ArrayList<>();
        Results.Hop hop = results.hop();
        targets.add(new Target.Ratio("command hop (exactly-once) vs hand-written Streams, records/s",
                hop.exactlyOnce().perSecond(), results.raw().streams().perSecond(), HOP_VS_STREAMS));
        targets.add(new Target.Ratio("exactly-once vs at-least-once, command hop records/s",
                hop.exactlyOnce().perSecond(), hop.atLeastOnce().perSecond(), EXACTLY_ONCE_VS_AT_LEAST_ONCE));
        double transactional = results.raw().transactional().perSecond();
        for (Results.SagaRun saga : results.sagas()) {
            String run = saga.style() + ", commit " + saga.commitMs() + " ms";
            targets.add(new Target.Ratio("completed orders/s vs raw ideal (" + run + ")",
                    saga.saturation().perSecond(), rawIdeal(transactional, saga.records().perOrder()),
                    ORDERS_VS_RAW_IDEAL));
            targets.add(new Target.Limit("p99 placed→shipped at half saturation (" + run + ")",
                    saga.halfRate().p99(), P99_LIMIT_MS, "ms"));
        }
        targets.add(new Target.Ratio("projection rebuild vs raw consumer, records/s",
                results.rebuild().rebuild().perSecond(), results.rebuild().rawConsumer().perSecond(),
                REBUILD_VS_RAW_CONSUMER));
        targets.add(new Target.Limit("cold ./eventline run to ready", results.coldStart().seconds(),
                COLD_START_LIMIT_S, "s"));
        return targets;
    }
}
