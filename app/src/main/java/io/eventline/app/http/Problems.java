package io.eventline.app.http;

import io.eventline.core.envelope.Json;
import io.eventline.core.failure.Failure;
import io.eventline.core.failure.InvalidField;
import io.eventline.core.failure.NotFound;
import io.eventline.core.failure.NotReady;
import io.eventline.core.failure.Rejected;
import io.eventline.core.failure.TimedOut;
import io.eventline.http.ApiException;
import io.eventline.http.FieldError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become answers: every failure is {@code application/problem+json}. The
 * library's {@link Failure}s get their status here (and only here: core knows no HTTP), the edge's
 * {@link ApiException}s keep theirs, Javalin's own (413, 404, 405) keep theirs, and anything
 * unexpected is a 500 that logs the cause and shows the client none of it.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static void install(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.detail(), e.errors()));
        routes.exception(Failure.class, (e, ctx) -> write(ctx, problemOf(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage(), List.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal Server Error", "an unexpected error; it is logged on the server", List.of());
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 404, "Not Found", "no route " + ctx.method() + " " + ctx.path(), List.of());
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of());
            }
        });
    }

    /** The library's failures as the API answers them: the same status, title and errors as ever. */
    static ApiException problemOf(Failure failure) {
        return switch (failure) {
            case InvalidField f -> new ApiException(400, "Bad Request", f.getMessage(),
                    List.of(new FieldError(f.field(), f.rule())));
            case NotFound f -> new ApiException(404, "Not Found", f.getMessage(), List.of());
            case Rejected f -> new ApiException(409, "Conflict", f.getMessage(),
                    f.field().map(field -> List.of(new FieldError(field, f.getMessage()))).orElse(List.of()));
            case NotReady f -> unavailable(f);
            case TimedOut f -> unavailable(f);
        };
    }

    private static ApiException unavailable(Failure failure) {
        return new ApiException(503, "Service Unavailable", failure.getMessage(), List.of());
    }

    private static void write(Context ctx, ApiException problem) {
        write(ctx, problem.status(), problem.title(), problem.detail(), problem.errors());
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
