package io.eventline.app.http;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host names this server answers to in a request's {@code Host} header. A browser sends the name
 * it resolved, so a page whose own name an attacker rebinds to 127.0.0.1 (DNS rebinding) arrives with
 * that name and is refused. Names are compared without their port: the name is what rebinding
 * controls, and a proxy in front may change the port.
 *
 * @param names lower case, IPv6 addresses without brackets
 */
public record AllowedHosts(Set<String> names) {
    /** What every instance answers to: this machine under its loopback names. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    public AllowedHosts {
        names = Set.copyOf(names);
    }

    /**
     * @param bind the HTTP address; a wildcard adds this machine's interface addresses, which are
     *     what a client reaching it by address sends
     * @param reachableHost the host other instances forward requests to
     * @param configured {@code --allowed-hosts}
     */
    public static AllowedHosts of(String bind, String reachableHost, Collection<String> configured) {
        Set<String> names = new TreeSet<>(LOOPBACK);
        names.add(normalize(bind));
        names.add(normalize(reachableHost));
        configured.forEach(host -> names.add(normalize(host)));
        if (isWildcard(bind)) {
            names.addAll(interfaceAddresses());
        }
        return new AllowedHosts(names);
    }

    /** Whether a {@code Host} header (name, optional port) names this server; no header is left to Jetty. */
    public boolean allows(String hostHeader) {
        return hostHeader == null || nameOf(hostHeader).map(names::contains).orElse(false);
    }

    /** The name of {@code host[:port]} or {@code [v6][:port]}, normalized; empty when it is malformed. */
    static Optional<String> nameOf(String hostHeader) {
        String host = hostHeader.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? Optional.empty() : Optional.of(normalize(host.substring(1, end)));
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && host.indexOf(':', colon + 1) >= 0) {
            return Optional.empty(); // an unbracketed IPv6 address is no valid Host header
        }
        String name = colon < 0 ? host : host.substring(0, colon);
        return name.isEmpty() ? Optional.empty() : Optional.of(normalize(name));
    }

    /** Lower case, brackets and a trailing dot removed: {@code LOCALHOST.} and {@code localhost} are one name. */
    static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isWildcard(String bind) {
        try {
            return InetAddress.getByName(bind).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Set<String> interfaceAddresses() {
        Set<String> addresses = new TreeSet<>();
        try {
            NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .forEach(address -> addresses.add(normalize(address.getHostAddress().replaceFirst("%.*$", ""))));
        } catch (SocketException e) {
            // No interface list: only the loopback names and the configured ones are allowed.
        }
        return addresses;
    }
}
