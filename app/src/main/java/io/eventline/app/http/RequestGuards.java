package io.eventline.app.http;

import io.eventline.app.console.Console;
import io.eventline.http.ApiException;
import io.eventline.http.FieldError;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Checks every request passes before a handler sees it: the bearer token, the content type, the size. */
final class RequestGuards {
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private RequestGuards() {
    }

    static void bearerToken(Context ctx, Optional<String> token) {
        if (token.isEmpty() || ctx.path().startsWith("/health/") || Console.isFile(ctx.path())
                || ApiDocs.isDocs(ctx.path()) || SchemaDocs.isSchemas(ctx.path())) {
            return;
        }
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        // The scheme is case-insensitive (RFC 9110); the token is compared exactly.
        boolean bearer = header.regionMatches(true, 0, "Bearer ", 0, 7);
        byte[] given = (bearer ? header.substring(7) : "").getBytes(StandardCharsets.UTF_8);
        // A browser's EventSource cannot send headers: the event stream alone takes the token in its query.
        String query = ctx.path().equals("/api/stream") && header.isEmpty() ? ctx.queryParam("access_token") : null;
        if (query != null) {
            bearer = true;
            given = query.getBytes(StandardCharsets.UTF_8);
        }
        // Constant time: the comparison must not tell an attacker how much of the token was right.
        if (!bearer || !MessageDigest.isEqual(expected, given)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "Unauthorized", "a valid 'Authorization: Bearer <token>' header is required",
                    List.of(new FieldError("Authorization", "missing or wrong bearer token")));
        }
    }

    static void jsonBody(Context ctx) {
        HandlerType method = ctx.method();
        if (!method.equals(HandlerType.POST) && !method.equals(HandlerType.PUT) && !method.equals(HandlerType.PATCH)) {
            return;
        }
        long length = ctx.contentLength();
        if (length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String type = ctx.contentType();
        boolean hasBody = length > 0 || ctx.header("Transfer-Encoding") != null;
        if ((hasBody || type != null) && !isJson(type)) {
            throw new ApiException(415, "Unsupported Media Type",
                    "send the body as application/json, not " + (type == null ? "no content type" : type),
                    List.of(new FieldError("Content-Type", "must be application/json")));
        }
    }

    /** A body over the limit, whether its length was declared or found while reading it. */
    static ApiException tooLarge() {
        return new ApiException(413, "Content Too Large", "the body is over 1 MiB",
                List.of(new FieldError("body", "at most 1 MiB")));
    }

    private static boolean isJson(String type) {
        return type != null && type.toLowerCase().replace(" ", "").matches("application/json(;.*)?");
    }
}
