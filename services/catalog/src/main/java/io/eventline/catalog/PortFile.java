package io.eventline.catalog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A port chosen free once and remembered in a file, so that a server keeps its address across restarts. */
final class PortFile {
    private PortFile() {
    }

    /** The port in {@code file}; the first time, a free loopback port, written there. */
    static int portAt(Path file) throws IOException {
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " should hold a port number, holds '" + text + "'", e);
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, port + "\n", StandardCharsets.US_ASCII);
        return port;
    }
}
