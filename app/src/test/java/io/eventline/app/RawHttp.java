package io.eventline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand, for what Java's HttpClient will not send: a {@code Host}
 * header of the test's choosing, as a DNS-rebound page's browser sends it.
 */
final class RawHttp {
    /** What came back: the status and the body (headers dropped). */
    record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    /** A body-less request, as a page sends a simple cross-site POST. */
    static Answer send(int port, String method, String path, String host, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append(method.equals("GET") ? "" : "Content-Length: 0\r\n").append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : answer.substring(bodyAt + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
