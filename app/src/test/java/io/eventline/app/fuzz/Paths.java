package io.eventline.app.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids and values as they travel in a URL, so that the server decodes exactly what was generated. */
final class Paths {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private Paths() {
    }

    /** Every byte outside RFC 3986's unreserved characters percent-encoded, a slash too. */
    static String segment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
