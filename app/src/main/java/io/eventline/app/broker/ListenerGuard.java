package io.eventline.app.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Which listeners of a broker node anyone on the network could use without authenticating: those on a
 * non-loopback address whose security protocol is {@code PLAINTEXT}. Such a listener lets any host
 * that reaches it write any topic, including the event log, as {@code run --bind} without a token
 * would let it drive the API. SASL or TLS listeners (set through a broker config file) are guarded.
 */
public final class ListenerGuard {
    private static final Set<String> AUTHENTICATING = Set.of("SSL", "SASL_SSL", "SASL_PLAINTEXT");

    private ListenerGuard() {
    }

    /**
     * @param overrides the broker properties of {@code --broker-config}, applied over the node's own
     * @return each unguarded listener as {@code NAME://host:port (PLAINTEXT)}; empty when none is
     */
    public static List<String> unguardedBeyondLoopback(String host, int port, Quorum quorum,
                                                       Map<String, String> overrides) {
        Quorum nodes = quorum == null ? Quorum.single(1) : quorum;
        Properties settings = new BrokerSettings(Path.of("unused"), host, port, nodes, overrides).toProperties();
        Map<String, String> protocols = protocolMap(settings.getProperty("listener.security.protocol.map", ""));
        List<String> unguarded = new ArrayList<>();
        for (String listener : settings.getProperty("listeners", "").split(",")) {
            String trimmed = listener.strip();
            int scheme = trimmed.indexOf("://");
            if (scheme < 0) {
                continue;
            }
            String name = trimmed.substring(0, scheme).toUpperCase(Locale.ROOT);
            String protocol = protocols.getOrDefault(name, name);
            if (!AUTHENTICATING.contains(protocol) && !isLoopback(hostOf(trimmed.substring(scheme + 3)))) {
                unguarded.add(trimmed + " (" + protocol + ")");
            }
        }
        return unguarded;
    }

    private static Map<String, String> protocolMap(String property) {
        Map<String, String> protocols = new HashMap<>();
        for (String entry : property.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                protocols.put(entry.substring(0, colon).strip().toUpperCase(Locale.ROOT),
                        entry.substring(colon + 1).strip().toUpperCase(Locale.ROOT));
            }
        }
        return protocols;
    }

    private static String hostOf(String hostPort) {
        if (hostPort.startsWith("[")) {
            return hostPort.substring(1, Math.max(1, hostPort.indexOf(']')));
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** An empty host means every interface, as in Kafka's {@code PLAINTEXT://:9092}. */
    private static boolean isLoopback(String host) {
        if (host.isEmpty()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // a name that does not resolve here may well resolve elsewhere
        }
    }
}
