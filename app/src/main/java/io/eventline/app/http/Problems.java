package io.eventline.app.http;

import io.eventline.core.envelope.Json;
import io.eventline.core.http.ApiException;
import io.eventline.core.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become answers: every failure is {@code application/problem+json}, typed
 * exceptions keep their status, Javalin's own (413, 404, 405) keep theirs, and anything unexpected is
 * a 500 that logs the cause and shows the client none of it.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.detail(), e.errors()));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage(), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal Server Error", "an unexpected error; it is logged on the server", List.of());
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 404, "Not Found", "no route " + ctx.method() + " " + ctx.path(), List.of());
            }
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of());
            }
        });
    }

    static void write(Context ctx, int status, String title, String detail, List<FieldError> errors) {
        ctx.status(status);
        ctx.contentType(Problem.CONTENT_TYPE);
        ctx.result(Json.write(Problem.of(status, title, detail, errors)));
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }
}
