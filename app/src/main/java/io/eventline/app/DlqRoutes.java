package io.eventline.app;

import io.eventline.core.dlq.DeadLetterEntry;
import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.envelope.Timestamps;
import io.eventline.http.ListLimit;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of every service: {@code GET /api/dlq[?limit=N][&after=ID]} lists them newest
 * first, a page at a time ({@code limit} 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT};
 * {@code after} the id of the previous page's last one; a {@code Link: <…>; rel="next"} header names
 * the next page while there is one);
 * {@code POST /api/dlq/{id}/replay} sends one back to its topic (202; 404 for an unknown id; 409 once
 * it was replayed, so a second replay changes nothing); {@code POST /api/dlq/replay} sends back every
 * one not yet replayed (202 with those it replayed). A replay reaches only the service that failed,
 * and a record still bad comes back as a new dead letter with one more attempt.
 */
final class DlqRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final DeadLetterQueue queue;

    DlqRoutes(DeadLetterQueue queue) {
        this.queue = queue;
    }

    void register(RoutesConfig routes) {
        // Handlers run on virtual threads: reading what was appended since the last call blocks none worth having.
        routes.get("/api/dlq", this::list);
        routes.post("/api/dlq/replay", ctx -> replayed(ctx, queue.replayAll()));
        routes.post("/api/dlq/{id}/replay", ctx -> replayed(ctx, List.of(queue.replay(ctx.pathParam("id")))));
    }

    private void list(Context ctx) {
        int limit = ListLimit.of("limit", ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> after = Optional.ofNullable(ctx.queryParam("after"));
        // One more than asked: whether a next page exists, without a second call.
        List<DeadLetterEntry> page = queue.page(limit + 1, after);
        if (page.size() > limit) {
            page = page.subList(0, limit);
            ctx.header("Link", "</api/dlq?limit=" + limit + "&after="
                    + URLEncoder.encode(page.getLast().id(), StandardCharsets.UTF_8) + ">; rel=\"next\"");
        }
        ctx.json(page.stream().map(DlqRoutes::view).toList());
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
