package io.eventline.app;

import io.eventline.core.dlq.DeadLetterEntry;
import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.envelope.Timestamps;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of every service: {@code GET /api/dlq} lists them newest first;
 * {@code POST /api/dlq/{id}/replay} sends one back to its topic (202; 404 for an unknown id; 409 once
 * it was replayed, so a second replay changes nothing); {@code POST /api/dlq/replay} sends back every
 * one not yet replayed (202 with those it replayed). A replay reaches only the service that failed,
 * and a record still bad comes back as a new dead letter with one more attempt.
 */
final class DlqRoutes {
    private final DeadLetterQueue queue;

    DlqRoutes(Map<String, Object> clientSettings) {
        this.queue = new DeadLetterQueue(clientSettings);
    }

    void register(Javalin app) {
        // Handlers run on virtual threads: reading the topics to their end blocks none worth having.
        app.get("/api/dlq", ctx -> ctx.json(queue.list().stream().map(DlqRoutes::view).toList()));
        app.post("/api/dlq/replay", ctx -> replayed(ctx, queue.replayAll()));
        app.post("/api/dlq/{id}/replay", ctx -> replayed(ctx, List.of(queue.replay(ctx.pathParam("id")))));
    }

    private static void replayed(Context ctx, List<DeadLetterEntry> entries) {
        ctx.status(202).json(Map.of("replayed", entries.size(), "ids", entries.stream().map(DeadLetterEntry::id).toList()));
    }

    /** {@code {id, topic, partition, offset, reason, error, at, attempts, replayed}}: where it was read, why. */
    private static Map<String, Object> view(DeadLetterEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("topic", entry.topic());
        view.put("partition", entry.partition());
        view.put("offset", entry.offset());
        view.put("reason", entry.reason());
        view.put("error", entry.error());
        view.put("at", Timestamps.format(entry.at()));
        view.put("attempts", entry.attempts());
        view.put("replayed", entry.replayed());
        return view;
    }
}
