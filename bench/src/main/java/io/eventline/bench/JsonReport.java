package io.eventline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.io.PrintStream;

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
        sagas(root, results);
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
        }
    }

    private static void targets(ObjectNode root, Results results) {
        var targets = root.putArray("targets");
        for (Target target : Targets.of(results)) {
            ObjectNode node = targets.addObject().put("name", target.name()).put("met", target.met());
            switch (target) {
                case Target.Ratio r -> node.put("value", r.value()).put("baseline", r.baseline())
                        .put("ratio", r.ratio()).put("minimum", r.minimum());
                case Target.Limit l -> node.put("value", l.value()).put("maximum", l.maximum()).put("unit", l.unit());
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
