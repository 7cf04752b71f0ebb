package io.eventline.app.fuzz;

import java.nio.charset.StandardCharsets;

/** A broken body: what kind of fault, the bytes to send, and the field the answer must name. */
record BodyFault(String kind, byte[] bytes, String field) {
    static BodyFault of(String kind, String json, String field) {
        return new BodyFault(kind, json.getBytes(StandardCharsets.UTF_8), field);
    }

    static BodyFault of(String kind, Doc json, String field) {
        return of(kind, json.render(), field);
    }
}
