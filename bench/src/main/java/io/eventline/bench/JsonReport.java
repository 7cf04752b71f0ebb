package io.eventline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.io.PrintStream;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The run as one JSON object, for scripts: the same figures as {@link Report}, rates per second. */
final class JsonReport {
    private JsonReport() {
    }

    static void print(Results results, PrintStream out) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("machine", Json.mapper().valueToTree(results.machine()));
        root.put("loaded", results.machine().loaded());
        root.set("settings", Json.mapper().valueToTree(results.settings().ordered()));
        ObjectNode raw = root.putObject("raw");
        throughput(raw, "producer", results.raw().producer());
        throughput(raw, "transactional", results.raw().transactional());
        latency(raw, "latency", results.raw().latency());
        throughput(raw, "streams", results.raw().streams());
        ObjectNode hop = root.putObject("hop");
        throughput(hop, "exactlyOnce", results.hop().exactlyOnce());
        latency(hop, "exactlyOnceLatency", results.hop().exactlyOnceLatency());
        throughput(hop, "atLeastOnce", results.hop().atLeastOnce());
        latency(hop, "atLeastOnceLatency", results.hop().atLeastOnceLatency());
        throughput(hop, "handWritten", results.hop().handWritten());
        sagas(root, results);
        minimal(root, results);
        results.tracing().ifPresent(tracing -> {
            ObjectNode node = root.putObject("tracing").put("posts", tracing.posts()).put("bytes", tracing.bytes());
            Map.of("off", tracing.off(), "headers", tracing.headers(), "exported", tracing.exported())
                    .forEach((name, run) -> {
                        ObjectNode runNode = node.putObject(name).put("style", run.style())
                                .put("commitMs", run.commitMs()).put("cpuMsPerOrder", run.cpuMsPerOrder())
                                .put("recordsPerOrder", run.records().perOrder());
                        runNode.set("idle", Json.mapper().valueToTree(run.idle()));
                        throughput(runNode, "saturation", run.saturation());
                        latency(runNode, "halfRate", run.halfRate());
                    });
        });
        ObjectNode rebuild = root.putObject("rebuild");
        throughput(rebuild, "rebuild", results.rebuild().rebuild());
        throughput(rebuild, "rawConsumer", results.rebuild().rawConsumer());
        root.set("coldStart", Json.mapper().valueToTree(results.coldStart()));
        targets(root, results);
        out.println(Json.writeString(root));
        out.flush();
    }

    private static void sagas(ObjectNode root, Results results) {
        var sagas = root.putArray("sagas");
        for (Results.SagaRun saga : results.sagas()) {
            ObjectNode node = sagas.addObject().put("style", saga.style()).put("commitMs", saga.commitMs());
            throughput(node, "burst", saga.burst());
            throughput(node, "saturation", saga.saturation());
            latency(node, "halfRate", saga.halfRate());
            node.put("recordsPerOrder", saga.records().perOrder()).put("offsetsPerOrder",
                    saga.records().offsetsPerOrder()).put("rawIdeal", Targets.rawIdeal(
                    results.raw().transactional().perSecond(), saga.records().perOrder()));
            node.set("records", Json.mapper().valueToTree(saga.records().sorted()));
            node.set("recordsByTopic", Json.mapper().valueToTree(saga.records().topicsPerOrder(0)));
            node.put("cpuMsPerOrder", saga.cpuMsPerOrder());
            node.set("idle", Json.mapper().valueToTree(saga.idle()));
            node.set("trace", Json.mapper().valueToTree(saga.trace()));
            node.set("loadedHops", Json.mapper().valueToTree(saga.loadedHops()));
            results.minimalFor(saga).ifPresent(m -> node.putObject("vsMinimal")
                    .put("commitMs", m.commitMs())
                    .put("idleMedian", saga.idle().median() / m.idle().median())
                    .put("p50", saga.halfRate().p50() / m.halfRate().p50())
                    .put("p99", saga.halfRate().p99() / m.halfRate().p99())
                    .put("ordersPerSecond", saga.saturation().perSecond() / m.sustained().perSecond())
                    .put("cpuMsPerOrder", saga.cpuMsPerOrder() / m.cpuMsPerOrder()));
        }
    }

    /** The minimal saga on raw Kafka, one object per commit interval. */
    private static void minimal(ObjectNode root, Results results) {
        var runs = root.putArray("minimalSaga");
        for (Results.MinimalRun m : results.minimal()) {
            ObjectNode node = runs.addObject().put("commitMs", m.commitMs()).put("partitions", Cluster.PARTITIONS)
                    .put("lingerMs", (Integer) Clients.PRODUCER.get(ProducerConfig.LINGER_MS_CONFIG));
            node.set("idle", Json.mapper().valueToTree(m.idle()));
            throughput(node, "burst", m.burst());
            throughput(node, "sustained", m.sustained());
            latency(node, "halfRate", m.halfRate());
            node.put("recordsPerOrder", m.records().perOrder()).put("cpuMsPerOrder", m.cpuMsPerOrder());
            node.set("trace", Json.mapper().valueToTree(m.trace()));
        }
    }

    private static void targets(ObjectNode root, Results results) {
        var targets = root.putArray("targets");
        for (Target target : Targets.of(results)) {
            ObjectNode node = targets.addObject().put("name", target.name()).put("met", target.met());
            switch (target) {
                case Target.Ratio r -> node.put("value", r.value()).put("baseline", r.baseline())
                        .put("ratio", r.ratio()).put("minimum", r.minimum());
                case Target.Within w -> node.put("value", w.value()).put("baseline", w.baseline())
                        .put("ratio", w.ratio()).put("maximum", w.maximum());
                case Target.Limit l -> node.put("value", l.value()).put("maximum", l.maximum()).put("unit", l.unit())
                        .put("minimalSaga", l.floor());
                case Target.AtLeast a -> node.put("value", a.value()).put("minimum", a.minimum()).put("unit", a.unit())
                        .put("minimalSaga", a.floor());
            }
        }
    }

    private static void throughput(ObjectNode parent, String name, Throughput throughput) {
        parent.putObject(name).put("perSecond", throughput.perSecond()).put("count", throughput.count())
                .put("seconds", throughput.seconds());
    }

    private static void latency(ObjectNode parent, String name, LatencySummary latency) {
        parent.set(name, Json.mapper().valueToTree(latency));
    }
}
