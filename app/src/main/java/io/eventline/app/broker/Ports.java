package io.eventline.app.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Checks and picks TCP ports before the broker binds them. */
final class Ports {

    private Ports() {
    }

    /**
     * A port free on {@code host} right now. Another process may take it before the broker binds
     * it; the window is short, and the broker then fails to start with a {@link BrokerStartException}.
     */
    static int pickFree(String host) {
        try (ServerSocket socket = bind(host, 0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw cannotListen(host, 0, e);
        }
    }

    /**
     * Fails fast when the port is taken: Kafka would find out only after its controller started,
     * and say so in stack traces among its own logs.
     */
    static void requireFree(String host, int port) {
        try {
            bind(host, port).close(); // bound, so free: closing hands the port back for the broker
        } catch (IOException e) {
            throw cannotListen(host, port, e);
        }
    }

    private static String takenMessage(String host, int port) {
        return "cannot start the embedded Kafka broker: port " + port + " on " + host
                + " is taken; pass --broker-port or stop what uses it";
    }

    private static BrokerStartException cannotListen(String host, int port, IOException e) {
        if (e instanceof UnknownHostException) {
            return new BrokerStartException("cannot start the embedded Kafka broker: unknown host " + host
                    + "; pass a host name or address of this machine", e);
        }
        // "Address already in use"; anything else, e.g. an address of another machine, says itself.
        String reason = String.valueOf(e.getMessage());
        return new BrokerStartException(reason.contains("in use") ? takenMessage(host, port)
                : "cannot start the embedded Kafka broker: cannot listen on " + host + ":" + port + ": " + reason, e);
    }

    private static ServerSocket bind(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        // The JDK's default SO_REUSEADDR, as in Kafka's own server socket: both judge a port alike.
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
