package io.eventline.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One generated request and the answer it must get.
 *
 * @param kind what is wrong with it, for the counts the test prints
 * @param body empty for none; {@code padding} spaces are put after its first byte when it is sent,
 *     so that bodies over 1 MiB are only ever built one at a time
 * @param chunked sent without a length, as {@code Transfer-Encoding: chunked}
 */
public record FuzzRequest(String kind, String method, String path, Optional<String> contentType,
                          Map<String, String> headers, byte[] body, int padding, boolean chunked,
                          Expectation expected) {
    public FuzzRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    static FuzzRequest of(String kind, String method, String path, Expectation expected) {
        return new FuzzRequest(kind, method, path, Optional.empty(), Map.of(), new byte[0], 0, false, expected);
    }

    FuzzRequest withBody(String contentType, byte[] bytes) {
        return new FuzzRequest(kind, method, path, Optional.ofNullable(contentType), headers, bytes, padding, chunked,
                expected);
    }

    FuzzRequest padded(int spaces, boolean sendChunked) {
        return new FuzzRequest(kind, method, path, contentType, headers, body, spaces, sendChunked, expected);
    }

    FuzzRequest withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new FuzzRequest(kind, method, path, contentType, more, body, padding, chunked, expected);
    }

    public byte[] bytes() {
        if (padding == 0 || body.length == 0) {
            return body.clone();
        }
        byte[] padded = new byte[body.length + padding];
        padded[0] = body[0];
        Arrays.fill(padded, 1, 1 + padding, (byte) ' ');
        System.arraycopy(body, 1, padded, 1 + padding, body.length - 1);
        return padded;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    @Override
    public String toString() {
        String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return kind + ": " + method + " " + (path.length() > 300 ? path.substring(0, 300) + "…" : path)
                + contentType.map(type -> " [" + type + "]").orElse("") + (chunked ? " chunked" : "")
                + (padding > 0 ? " +" + padding + " spaces" : "") + (body.length > 0 ? " " + shown : "")
                + " → expect " + expected.statuses() + expected.field().map(f -> " field '" + f + "'").orElse("");
    }
}
