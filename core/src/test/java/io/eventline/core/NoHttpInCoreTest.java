package io.eventline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library knows nothing of HTTP: a user embedding it in a gRPC service or a batch job must not
 * inherit a web server nor HTTP statuses. Failures are {@link io.eventline.core.failure.Failure}s; the
 * application maps them to answers. Read from the sources (Maven runs tests in the module's
 * directory), so that a fully qualified name is caught as well as an import.
 */
class NoHttpInCoreTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** Web servers, servlets, HTTP clients, the edge module, and the classes that carry an HTTP status. */
    private static final Pattern HTTP = Pattern.compile(
            "\\b(io\\.javalin|org\\.eclipse\\.jetty|jakarta\\.servlet|javax\\.servlet|java\\.net\\.http"
                    + "|io\\.eventline\\.http)\\b"
                    + "|\\b(HttpStatus|ApiException|HttpResponseException|HttpServletResponse|FieldError)\\b");

    @Test
    void shouldNameNoHttpPackageNorStatusWhenAnySourceOfCoreIsRead() {
        List<String> found;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            found = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(NoHttpInCoreTest::httpMentions).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(SOURCES).isDirectory();
        assertThat(found).as("core/src/main must not refer to HTTP").isEmpty();
    }

    @Test
    void shouldDependOnNoWebServerWhenItsPomIsRead() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(HTTP.matcher(pom).find()).as("core/pom.xml must not depend on a web stack").isFalse();
        assertThat(pom).doesNotContain("<artifactId>eventline-http</artifactId>");
    }

    private static Stream<String> httpMentions(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return IntStream.range(0, lines.size()).boxed().flatMap(i -> {
            Matcher matcher = HTTP.matcher(lines.get(i));
            return matcher.find() ? Stream.of(file + ":" + (i + 1) + ": " + matcher.group()) : Stream.empty();
        });
    }
}
