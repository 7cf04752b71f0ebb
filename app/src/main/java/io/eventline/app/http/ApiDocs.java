package io.eventline.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.app.cli.BuildVersion;
import io.eventline.core.envelope.Json;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The machine-readable API: the OpenAPI 3.1 document at {@code GET /api/openapi.json}, Swagger UI
 * over it at {@code GET /api/docs}, from its webjar, and the AsyncAPI 3 document of the topics at
 * {@code GET /api/asyncapi.json} ({@link AsyncApiDocument}). The document is written by hand, beside the code
 * ({@code resources/api/openapi.json}): {@code OpenApiContractTest} holds it to the routes actually
 * registered and the answers actually given. None holds data, so all are served without the API
 * token, like the console's files: Swagger UI asks for the token to try requests out.
 */
public final class ApiDocs {
    public static final String DOCUMENT = "/api/openapi.json";
    public static final String UI = "/api/docs";
    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final byte[] document;
    private final byte[] page;
    private final byte[] asyncApi;

    private ApiDocs(byte[] document, byte[] page, byte[] asyncApi) {
        this.document = document;
        this.page = page;
        this.asyncApi = asyncApi;
    }

    /**
     * Reads them from the jar once: the documents with this build's version, the page naming the
     * webjar's, the AsyncAPI document with the broker, and the partitions and replicas of the topics
     * (replicas when the cluster gives every partition as many).
     */
    public static ApiDocs load(String bootstrapServers, int partitions, Optional<Integer> replicas) {
        ObjectNode document;
        try {
            document = (ObjectNode) Json.readTree(resource("/api/openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's OpenAPI document is not JSON", e);
        }
        ((ObjectNode) document.get("info")).put("version", BuildVersion.eventline());
        return new ApiDocs(Json.write(document), page(swaggerUiVersion()).getBytes(StandardCharsets.UTF_8),
                Json.write(AsyncApiDocument.served(BuildVersion.eventline(), bootstrapServers, partitions, replicas)));
    }

    /** Whether a path is one of these three, which anyone who can reach the port may load. */
    public static boolean isDocs(String path) {
        return path.equals(DOCUMENT) || path.equals(UI) || path.equals(AsyncApiDocument.PATH);
    }

    public void register(RoutesConfig routes) {
        routes.get(DOCUMENT, ctx -> ctx.contentType("application/json").result(document));
        routes.get(UI, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get(AsyncApiDocument.PATH, ctx -> ctx.contentType("application/json").result(asyncApi));
    }

    private static String page(String version) {
        String assets = "/webjars/swagger-ui/" + version + "/";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Eventline API</title>
                  <link rel="stylesheet" href="%1$sswagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$sswagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: "%2$s", dom_id: "#swagger-ui", deepLinking: true});
                  </script>
                </body>
                </html>
                """.formatted(assets, DOCUMENT);
    }

    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = Objects.requireNonNull(ApiDocs.class.getResourceAsStream(SWAGGER_UI_POM),
                "Swagger UI's webjar is not on the class path")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SWAGGER_UI_POM, e);
        }
        return pom.getProperty("version");
    }

    private static byte[] resource(String path) {
        try (InputStream in = Objects.requireNonNull(ApiDocs.class.getResourceAsStream(path), path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the jar", e);
        }
    }
}
