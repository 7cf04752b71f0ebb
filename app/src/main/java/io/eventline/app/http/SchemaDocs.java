package io.eventline.app.http;

import io.eventline.contracts.schemas.EventSchema;
import io.eventline.contracts.schemas.EventSchemas;
import io.eventline.core.envelope.Json;
import io.eventline.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The JSON Schema of every event type and version, as docs/schemas holds them: {@code GET /api/schemas}
 * the index, {@code GET /api/schemas/{eventType}/{version}} one schema. Contracts, not data, so served
 * without the API token like {@link ApiDocs}; written once, from the contracts, when this is built.
 */
public final class SchemaDocs {
    public static final String INDEX = "/api/schemas";
    static final String SCHEMA_TYPE = "application/schema+json";

    private final byte[] index = Json.write(EventSchemas.index());

    /** Whether a path is the index or below it: anyone who can reach the port may load them. */
    public static boolean isSchemas(String path) {
        return path.equals(INDEX) || path.startsWith(INDEX + "/");
    }

    public void register(RoutesConfig routes) {
        routes.get(INDEX, ctx -> ctx.contentType("application/json").result(index));
        routes.get(INDEX + "/{eventType}/{version}", this::schema);
    }

    private void schema(Context ctx) {
        String type = ctx.pathParam("eventType");
        int version = version(ctx.pathParam("version"));
        EventSchema schema = EventSchemas.find(type, version).orElseThrow(() -> notFound(type, version));
        ctx.contentType(SCHEMA_TYPE).result(Json.write(schema.schema()));
    }

    private static ApiException notFound(String type, int version) {
        boolean known = EventSchemas.all().stream().anyMatch(s -> s.eventType().equals(type));
        return ApiException.notFound(known ? "event type " + type + " has no version " + version + " (see " + INDEX + ")"
                : "no event type " + type + " (see " + INDEX + ")");
    }

    private static int version(String text) {
        // Digits only, few of them: no sign, no blanks, and never an overflow.
        if (!text.matches("[0-9]{1,9}")) {
            throw ApiException.badRequest("version", "a positive integer, such as 1, not " + text);
        }
        return Integer.parseInt(text);
    }
}
