package io.eventline.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * The configuration of the in-process Connect worker. Exactly-once source support (KIP-618) is on: a
 * source task's records and its offsets commit in one Kafka transaction, so a restart resumes from
 * exactly what was written. Connectors' own converters are set per connector (see the connector file).
 */
public final class WorkerSettings {
    /** The worker group and the prefix of its three topics. */
    public static final String GROUP = "eventline-connect";

    private WorkerSettings() {
    }

    /**
     * @param clientSettings bootstrap servers and any security settings, passed to the worker and to the
     *     clients of its tasks
     * @param embeddedBroker a single-node broker: the worker's topics get one replica, else the broker's default
     */
    public static Map<String, String> of(Map<String, Object> clientSettings, boolean embeddedBroker) {
        Map<String, String> settings = new HashMap<>();
        clientSettings.forEach((key, value) -> {
            String text = String.valueOf(value);
            settings.put(key, text);
            for (String prefix : new String[] {"producer.", "consumer.", "admin."}) {
                settings.put(prefix + key, text);
            }
        });
        settings.put("group.id", GROUP);
        settings.put("config.storage.topic", "eventline.connect.configs");
        settings.put("offset.storage.topic", "eventline.connect.offsets");
        settings.put("status.storage.topic", "eventline.connect.status");
        String replicas = embeddedBroker ? "1" : "-1";
        settings.put("config.storage.replication.factor", replicas);
        settings.put("offset.storage.replication.factor", replicas);
        settings.put("status.storage.replication.factor", replicas);
        settings.put("offset.storage.partitions", "1");
        settings.put("status.storage.partitions", "1");
        settings.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("exactly.once.source.support", "enabled");
        // A free port on loopback: the REST API is for Eventline and the person at this machine.
        settings.put("listeners", "http://127.0.0.1:0");
        settings.put("rest.advertised.host.name", "127.0.0.1");
        // Plugins are found through their ServiceLoader manifests, not by scanning every jar (seconds).
        settings.put("plugin.discovery", "service_load");
        // A worker that restarts gets its connectors back at once, not after the default 5 minutes that
        // incremental rebalancing waits for a departed worker to return.
        settings.put("scheduled.rebalance.max.delay.ms", "0");
        return settings;
    }
}
