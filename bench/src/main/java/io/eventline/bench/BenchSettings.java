package io.eventline.bench;

import io.eventline.core.kafka.KafkaVersion;
import io.eventline.core.kafka.StreamsSettings;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The settings every run shares, written into {@link Settings} before the first phase. */
final class BenchSettings {
    private BenchSettings() {
    }

    static void describe(Settings settings, Plan plan) {
        settings.put("kafka", KafkaVersion.ofClients() + ", one embedded KRaft node (broker and controller) in "
                        + "the bench's own JVM, as ./eventline run has it; default broker settings of Eventline")
                .put("partitions", Cluster.PARTITIONS + " per topic, replication 1")
                .put("raw producer", "idempotent, acks=all, linger.ms=5, batch.size=65536, no compression, 1 thread")
                .put("raw consumer", "read_committed, max.poll.records=" + Clients.MAX_POLL_RECORDS + ", 1 thread")
                .put("transactional loop", "1 thread: poll, send each record on, every " + Plan.COMMIT_MS
                        + " ms send the offsets and commit; producer as the raw one, plus transactional.id")
                .put("latency", "raw and command hop at " + (int) Plan.LATENCY_RATE + "/s (at most half of the "
                        + "hop's saturation), open model: timed from each record's intended send time")
                .put("kafka streams", "exactly_once_v2, 1 stream thread per application (2 for the saga's "
                        + "services composed in one), commit.interval.ms="
                        + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS + " unless a table says otherwise, "
                        + "producer linger.ms=100 and max.poll.records=1000 (Streams' defaults), producer batch.size="
                        + StreamsSettings.PRODUCER_BATCH_BYTES + " (Eventline's, the jobs by hand too), RocksDB stores "
                        + "with changelogs; record cache Kafka's 10 MB, except none for the saga's services in "
                        + "either style (StreamsSettings.onThePath; the orchestrator hands its state to the order's "
                        + "decider, which writes both in one put: Rider)")
                .put("hand-written streams", "per-key count in RocksDB, count written on, over the raw records; "
                        + "run untimed first under another application id, " + warmUp(plan))
                .put("command hop", "core's DeciderTopology with the orders decider: PlaceOrder (a new order each) "
                        + "→ order.placed + reply, snapshot and history stores; latency through CommandGateway; "
                        + "run untimed first under each guarantee, on topics of its own, " + warmUp(plan))
                .put("hand-written hop", "the command hop's job by hand on Kafka Streams (Processor API, "
                        + "no Eventline): each PlaceOrder envelope read as a JSON tree, the order looked up in and "
                        + "written to a RocksDB store with its changelog and record cache, order.placed written with "
                        + "docs/api.md's headers, a reply; without the history table, trace headers, dead letters, "
                        + "metrics; exactly_once_v2, 1 thread, on the command hop's commands; run untimed first "
                        + "under another application id, " + warmUp(plan) + "; then the exactly-once hop and it "
                        + "each run twice, in turn, and the faster run of each counts")
                .put("order saga", "the whole platform in-process (every service and read model, "
                        + "Eventline.start as in the integration tests) on the same broker; " + Plan.CUSTOMERS
                        + " customers, " + Plan.SKUS + " skus, one line of one unit per order, all ship; orders "
                        + "placed through CommandGateway as the REST API does, ended when order.shipped is read")
                .put("minimal saga", "the order saga by hand on raw clients, the floor of Eventline's design: "
                        + "order (order id) → account (customer id) → sku (sku) → shipment (order id) → order "
                        + "(order id: order.shipped); 4 stages, 1 thread each, state in a HashMap; each a "
                        + "consume-transform-produce loop: read_committed consumer (assigned, max.poll.records="
                        + Clients.MAX_POLL_RECORDS + "), transactional producer (idempotent, acks=all, linger.ms="
                        + Clients.PRODUCER.get(ProducerConfig.LINGER_MS_CONFIG) + "), sendOffsetsToTransaction + "
                        + "commitTransaction every commit interval (" + plan.sagaCommitIntervals() + " ms, as the "
                        + "saga runs; Eventline's default " + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS + " ms); "
                        + Cluster.PARTITIONS + " partitions per topic; routing in headers, values an order.placed "
                        + "envelope's bytes; orders placed by an idempotent producer (linger.ms="
                        + Clients.PRODUCER.get(ProducerConfig.LINGER_MS_CONFIG) + ")")
                .put("one order at a time", MinimalSagaBench.SEQUENTIAL_ORDERS + " orders on the idle saga, each "
                        + "placed two commit intervals after the one before shipped: median and max placed → shipped; Eventline's "
                        + "through REST (POST /api/orders, GET /api/orders/{id}?wait=10s until SHIPPED), the "
                        + "minimal saga's through its producer and outcome consumer; then one more order traced")
                .put("hop trace", "one order followed across the topics by a read_uncommitted and a "
                        + "read_committed consumer (fetch.max.wait.ms=1, polling from the end): per hop, create "
                        + "timestamp → visible committed (committing), visible → the next hop's record created "
                        + "(fetch and processing); Eventline's changelog and repartition topics left out")
                .put("warm-up", Plan.WARM_UP_ORDERS + " orders placed at once and awaited, untimed, before each "
                        + "saga run's phases (Eventline's and the minimal saga's): a platform serving orders runs "
                        + "compiled code, and a first run on a cold JVM measured the JIT; before the first, the JVM "
                        + "warmed up untimed by a platform in each style: " + Plan.JVM_WARM_UP_ROUNDS + " rounds of "
                        + Plan.WARM_UP_ORDERS + " orders, then " + Plan.JVM_WARM_UP_REST_ORDERS
                        + " orders one after another through REST")
                .put("saturation", Plan.SATURATION_WINDOW + " orders in flight for a phase; sustained = orders "
                        + "placed ÷ time until the platform stopped writing (all work done, off the saga's path "
                        + "too); burst = order.shipped per second from the first (or a quarter in) to the phase's end")
                .put("records per order", "committed records written during the half-rate phase (read back "
                        + "read_committed, Kafka's __ topics left out) ÷ orders placed in it; the platforms' "
                        + "repartition topics are not purged meanwhile (repartition.purge.interval.ms="
                        + Platform.REPARTITION_PURGE_MS + "), so that their records are still there to count")
                .put("phases", String.format("--seconds %d: throughput %.1f s, latency %.1f s, each saga phase "
                                + "%.1f s, rebuild of %,d events", plan.seconds(), plan.throughput().toMillis() / 1e3,
                        plan.latency().toMillis() / 1e3, plan.sagaPhase().toMillis() / 1e3, plan.rebuildEvents()))
                .put("idle cost", String.format("./eventline run (the order services, no catalog) on an empty data "
                                + "dir, left %d s after its ready line, then its CPU (user + system, as a share of one "
                                + "core) measured over %d s and its threads counted; then the same for ./eventline "
                                + "broker alone on the data the run left (its topics, no client); then the minimal "
                                + "saga's four stages (commit " + MinimalAtRest.COMMIT_MS + " ms) with an embedded "
                                + "broker in one JVM, on an empty data dir, no order placed: the floor; from JDK 25 the "
                                + "run and the floor each on a first start (recording the JVM's AOT cache) and on a "
                                + "later start with it, which the targets judge; the JIT's compiler threads' share "
                                + "beside each figure",
                        plan.idleSettle().toSeconds(), plan.idleWindow().toSeconds()))
                .put("cold start", Runtime.version().feature() >= ColdStart.AOT_CACHE_FEATURE
                        ? "./eventline run on an empty data dir, process start → ready line, twice as the launcher "
                                + "runs it: the first records the JVM's AOT cache (-XX:AOTCacheOutput, written as it "
                                + "stops), the second, on another empty data dir, loads from it (-XX:AOTCache); the "
                                + "target is the second's"
                        : "./eventline run on an empty data dir, process start → ready line (no AOT cache before JDK 25)")
                .put("jvm", "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                        + Runtime.getRuntime().availableProcessors() + " processors");
    }

    private static String warmUp(Plan plan) {
        return String.format("until two %d s windows' rates are within %.0f %% of each other (at most %d s)",
                Plan.WARM_UP_WINDOW.toSeconds(), StreamsRate.STEADY * 100, plan.warmUpCap().toSeconds());
    }
}
