package io.eventline.core.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * An admin client shared by every part of the process that asks with the same settings (but its
 * {@code client.id}): every Kafka Streams application ({@link RestingClients#getAdmin}), the metrics,
 * the console. Each caller closes what it leased, once; the client closes with its last lease.
 */
public final class SharedAdmin extends ForwardingAdmin {
    /** The shared clients' {@code client.id}: one name in the logs for all who use it. */
    static final String CLIENT_ID = "eventline-admin";
    private static final long CLOSE_SECONDS = 5;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(CLOSE_SECONDS);
    private static final Leases<SharedAdmin> LEASES = new Leases<>();

    private final Map<String, Object> key;

    private SharedAdmin(Map<String, Object> key, Map<?, ?> settings) {
        super(Leases.named(settings, AdminClientConfig.configNames(), CLIENT_ID));
        this.key = key;
    }


    /**
     * @param settings admin client settings; those an admin client does not know are left out, and
     *     {@code enable.metrics.push} is Kafka Streams' default (true: the client sends its metrics if
     *     the cluster asks for them) unless they say, so that the applications' and the rest share one
     */
    public static Admin lease(Map<?, ?> settings) {
        Map<Object, Object> pushing = new HashMap<>(settings);
        pushing.putIfAbsent(AdminClientConfig.ENABLE_METRICS_PUSH_CONFIG, true);
        Map<String, Object> key = Leases.key(pushing, AdminClientConfig.configDef());
        return LEASES.lease(key, () -> new SharedAdmin(key, pushing));
    }

    /**
     * Ends this caller's lease; the last one closes the client, waiting {@value #CLOSE_SECONDS} s at most
     * for calls still pending: they may be another lessee's (a console's, against a broker gone), and a
     * Kafka Streams application closed without a timeout would otherwise wait out their minute.
     */
    @Override
    public void close(Duration timeout) {
        if (LEASES.release(key, this)) {
            super.close(timeout.compareTo(CLOSE_TIMEOUT) < 0 ? timeout : CLOSE_TIMEOUT);
        }
    }

    /**
     * Not sent to the cluster: Kafka Streams registers its client-level metrics (state, version,
     * topology) with its admin client, to be pushed if the cluster subscribes to client metrics
     * (KIP-714), and {@link ForwardingAdmin} refuses them (an {@code UnsupportedOperationException}
     * that Kafka logs at ERROR, metric by metric, at every application's start). Kafka Streams still
     * has them ({@code KafkaStreams.metrics()}, Eventline's {@code /metrics}); its threads' metrics are
     * pushed by their consumers, as before.
     */
    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
    }

    /** How many callers hold this client: for tests. */
    int leases() {
        return LEASES.leased(this);
    }
}
