package io.eventline.app.console;

import io.eventline.app.load.LoadClient;
import io.eventline.app.metrics.ConsumerLag;
import io.eventline.core.kafka.SharedAdmin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * The live web console at {@code /} and the endpoints it reads beyond the services' own:
 * {@code GET /api/topics}, {@code GET /api/consumers}, {@code GET /api/stream} (Server-Sent Events) and
 * {@code POST|GET /api/load}. The page is plain HTML, CSS and ES modules from this jar
 * ({@code /console/…}), its charts uPlot from its webjar ({@code /webjars/…}): nothing to build.
 * Those files hold no data, so they are served without the API token; the page asks for the token
 * and sends it with every call.
 */
public final class Console implements AutoCloseable {
    private final Admin admin;
    private final ConsumerLag consumerLag;
    private final EventStream stream;
    private final LoadRoutes load;
    private final byte[] index;

    /**
     * @param selfUrl where this instance's API answers, for the loads started from the console
     * @param apiToken the token those loads send, when the API needs one
     * @param maxStreams the most {@code /api/stream} clients at once
     */
    public Console(Map<String, Object> clientSettings, String selfUrl, Optional<String> apiToken, int maxStreams) {
        this.index = resource("/console/index.html");
        this.admin = SharedAdmin.lease(clientSettings); // the process's one admin client
        this.consumerLag = new ConsumerLag(admin, AdminCalls.TIMEOUT);
        this.stream = new EventStream(clientSettings, maxStreams);
        this.load = new LoadRoutes(new LoadClient(selfUrl, apiToken));
    }

    /** The console's files, and the webjars it uses, from the classpath. */
    public static void serveFiles(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/console";
            files.directory = "/console";
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
    }

    /** Whether a path is one of the console's files, which anyone who can reach the port may load. */
    public static boolean isFile(String path) {
        return path.equals("/") || path.startsWith("/console/") || path.startsWith("/webjars/");
    }

    /** The URL this instance answers at, as a client on this machine reaches it. */
    public static String selfUrl(String bind, int port) {
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache")
                .result(index));
        routes.get("/api/topics", ctx -> ctx.json(TopicsReport.read(admin)));
        routes.get("/api/consumers", ctx -> ctx.json(ConsumersReport.read(consumerLag)));
        stream.register(routes);
        load.register(routes);
    }

    /** Stops a running load and the event streams, then the admin client. */
    @Override
    public void close() {
        load.close();
        stream.close();
        admin.close(Duration.ofSeconds(5));
    }

    private static byte[] resource(String path) {
        try (InputStream in = Objects.requireNonNull(Console.class.getResourceAsStream(path), path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the console's " + path + " cannot be read from the jar", e);
        }
    }
}
