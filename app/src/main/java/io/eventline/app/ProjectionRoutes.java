package io.eventline.app;

import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.projection.RebuildStatus;
import io.eventline.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The read models this instance runs, and their rebuilds: {@code GET /api/projections},
 * {@code GET /api/projections/{name}}, {@code POST /api/projections/{name}/rebuild} (202, then poll).
 */
final class ProjectionRoutes {
    private final Map<String, ProjectionRunner<?>> runners = new ConcurrentHashMap<>();

    void add(ProjectionRunner<?> runner) {
        runners.put(runner.projection().name(), runner);
    }

    /** The active version's streams of each read model, by application id. */
    Map<String, KafkaStreams> streams() {
        Map<String, KafkaStreams> streams = new java.util.HashMap<>();
        runners.values().forEach(runner -> streams.put(
                runner.projection().applicationId(runner.status().activeVersion()), runner.streams()));
        return streams;
    }

    /** Why some read model is not ready to answer (not running, or restoring); empty when all are. */
    List<String> notReady() {
        return runners.values().stream().flatMap(runner -> runner.notReady().stream()).toList();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/projections", ctx -> ctx.json(runners.values().stream().map(r -> view(r.status())).toList()));
        routes.get("/api/projections/{name}", ctx -> ctx.json(view(runner(ctx).status())));
        routes.post("/api/projections/{name}/rebuild", ctx -> ctx.status(202).json(view(runner(ctx).rebuild())));
    }

    private ProjectionRunner<?> runner(Context ctx) {
        ProjectionRunner<?> runner = runners.get(ctx.pathParam("name"));
        if (runner == null) {
            throw ApiException.notFound("no projection " + ctx.pathParam("name") + " (known: "
                    + String.join(", ", runners.keySet()) + ")");
        }
        return runner;
    }

    /** {@code {projection, activeVersion, building, buildingVersion?, consumed, total, percent}}. */
    private static Map<String, Object> view(RebuildStatus status) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("projection", status.projection());
        view.put("activeVersion", status.activeVersion());
        view.put("building", status.building());
        if (status.building()) {
            view.put("buildingVersion", status.buildingVersion());
        }
        view.put("consumed", status.consumed());
        view.put("total", status.total());
        view.put("percent", status.percent());
        return view;
    }
}
