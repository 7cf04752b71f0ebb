package io.eventline.core.kafka;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigDef;

/**
 * One client per distinct settings, shared by every part of a process that asks with those settings,
 * and counted: the last lessee to let go closes it. Kafka's admin client and producer are thread-safe,
 * and each has a network thread of its own: eleven Kafka Streams applications' admin clients were
 * eleven threads doing next to nothing. Thread-safe.
 */
final class Leases<T> {
    private final Map<Map<String, Object>, T> open = new HashMap<>();
    private final Map<T, Integer> leases = new IdentityHashMap<>();

    /**
     * The settings that make two clients interchangeable: every setting the client knows, as it reads
     * them (a default given or left out is the same setting; {@code "a:9092"} and {@code [a:9092]} the
     * same list; a password compared by its value), but its {@code client.id}, which only names it in
     * logs and metrics. Kafka Streams gives its admin client settings the metrics' own does not name.
     */
    static Map<String, Object> key(Map<?, ?> settings, ConfigDef client) {
        Map<String, Object> key = new HashMap<>(client.parse(known(settings, client.names())));
        key.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
        return Collections.unmodifiableMap(key);
    }

    /** The settings the client knows, named {@code clientId}: what a shared client is made of. */
    static Map<String, Object> named(Map<?, ?> settings, Set<String> names, String clientId) {
        Map<String, Object> named = known(settings, names);
        named.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return named;
    }

    private static Map<String, Object> known(Map<?, ?> settings, Set<String> names) {
        Map<String, Object> known = new HashMap<>();
        settings.forEach((name, value) -> {
            if (names.contains(name.toString()) && !name.equals(CommonClientConfigs.CLIENT_ID_CONFIG)) {
                known.put(name.toString(), value);
            }
        });
        return known;
    }

    /** The open client of these settings, or a new one: either way, one more lease on it. */
    synchronized T lease(Map<String, Object> key, Supplier<T> create) {
        T client = open.computeIfAbsent(key, k -> create.get());
        leases.merge(client, 1, Integer::sum);
        return client;
    }

    /**
     * Ends a lease. Whether that was the last: then the caller closes the client, and the next lease
     * of these settings gets a new one. A client no longer leased (a second close) answers false.
     */
    synchronized boolean release(Map<String, Object> key, T client) {
        Integer count = leases.get(client);
        if (count == null) {
            return false;
        }
        if (count > 1) {
            leases.put(client, count - 1);
            return false;
        }
        leases.remove(client);
        open.remove(key, client);
        return true;
    }

    synchronized int leased(T client) {
        return leases.getOrDefault(client, 0);
    }
}
