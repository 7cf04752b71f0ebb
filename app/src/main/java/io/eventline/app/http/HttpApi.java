package io.eventline.app.http;

import io.eventline.app.console.Console;
import io.eventline.core.envelope.Json;
import io.eventline.core.logging.CorrelationMdc;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.RequestLogger;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.MDC;

/**
 * The HTTP side of Eventline on one port: the REST API under {@code /api}, health under
 * {@code /health}, errors as problems. Handlers run on virtual threads, so a handler that waits for a
 * command's reply holds no platform thread.
 */
public final class HttpApi implements AutoCloseable {
    private final Javalin app;

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /**
     * @param hosts the names a request's {@code Host} may give (others are answered 421)
     * @param notReady why this instance is not ready, empty once every stream is running and caught up
     *     and every reply listener alive ({@code /health/ready})
     * @param routes mounts the services' endpoints
     * @param requests told of each request once answered (its metrics)
     */
    public static HttpApi start(String bind, int port, Optional<String> apiToken, AllowedHosts hosts,
                                Supplier<Optional<String>> notReady, Consumer<RoutesConfig> routes,
                                RequestLogger requests) {
        // Javalin 7 takes every route, guard and handler up front, before the server starts.
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = RequestGuards.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            guardJetty(config);
            config.requestLogger.http(requests);
            Console.serveFiles(config);
            Problems.install(config.routes);
            // Before the token: a token does not make a request from another site the user's own.
            config.routes.before(new SameSiteGuard(hosts)::check);
            config.routes.before(ctx -> RequestGuards.bearerToken(ctx, apiToken));
            config.routes.before("/api/*", RequestGuards::jsonBody);
            // Every log line written while a request is served names the flow it belongs to, when the
            // client says (X-Correlation-Id, as the commands' answers use it).
            config.routes.before(ctx -> CorrelationMdc.set(ctx.header("X-Correlation-Id")));
            config.routes.after(ctx -> MDC.remove(CorrelationMdc.KEY));
            // A command a request sends continues the caller's trace (W3C traceparent), if it has one.
            config.routes.before(IncomingTrace::open);
            config.routes.after(IncomingTrace::close);
            config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.get("/health/ready", ctx -> {
                Optional<String> why = notReady.get();
                if (why.isEmpty()) {
                    ctx.json(Map.of("status", "UP"));
                } else {
                    Problems.write(ctx, 503, "Service Unavailable", "not ready: " + why.get(), java.util.List.of());
                }
            });
            routes.accept(config.routes);
        });
        app.start(bind, port);
        return new HttpApi(app);
    }

    /**
     * What Jetty answers itself is a problem too, and a body of unknown length is held to the limit.
     * Jetty keeps a per-connection cache of header fields that by default matches values ignoring case:
     * a bearer token differing from an earlier one on the connection only in case would be read as it.
     */
    private static void guardJetty(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
        // The server's error handler only: every request that reaches the context is Javalin's, whose
        // errors Problems answers; Javalin never calls the servlet sendError that the context's would serve.
        config.jetty.modifyServletContextHandler(handler ->
                handler.addFilter(new FilterHolder(new BodyLimit()), "/*", EnumSet.of(DispatcherType.REQUEST)));
    }

    /**
     * The port to serve on: {@code port}, or when it is 0 a port free on {@code bind} right now, so that
     * the streams can advertise it before the server starts. Another process may take it in between;
     * the window is short, and the start then fails saying the port is in use.
     */
    public static int choosePort(String bind, int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(bind, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ": check --bind", e);
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
