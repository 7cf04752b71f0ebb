package io.eventline.app.console;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.sse.Emitter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events response written from the handler's own thread, in the wire format of
 * Javalin's {@code SseClient} (the same {@link Emitter}). Javalin 7's {@code SseHandler} runs the
 * stream as an async task, and on Jetty 12 a client leaving or the server stopping recycles the
 * request under it: the task's end then failed on every access to the request, over and over. Held
 * in the handler, the request lives until the stream ends. Thread-safe: the emitter serialises writes.
 */
final class SseChannel {
    private final Emitter emitter;

    private SseChannel(Emitter emitter) {
        this.emitter = emitter;
    }

    /** Sends the event stream's headers at once, so that the client knows it is connected. */
    static SseChannel open(Context ctx) {
        var response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.addHeader(Header.CONNECTION, "close");
        response.addHeader(Header.CACHE_CONTROL, "no-cache");
        response.addHeader(Header.X_ACCEL_BUFFERING, "no"); // proxies must not buffer the stream
        try {
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream's client left before it began", e);
        }
        return new SseChannel(new Emitter(response));
    }

    /** Whether a write failed: the client is gone. */
    boolean terminated() {
        return emitter.getClosed();
    }

    void sendEvent(String event, String data, String id) {
        emitter.emit(event, new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)), id);
    }

    void sendComment(String comment) {
        emitter.emit(comment);
    }
}
