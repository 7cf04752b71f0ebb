package io.eventline.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Prometheus's own checker of the text format, {@code promtool check metrics}, when installed. */
final class Promtool {
    static final String MISSING = "promtool is not installed: on Debian, 'apt-get install prometheus' brings it"
            + " (.ci/run installs it)";

    /** What promtool said: exit code 0 when the text parsed and passed its lint, else 1 or 3. */
    record Verdict(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Optional<Path> find() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
    }

    static Verdict checkMetrics(Path promtool, String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish in 30 s");
        }
        return new Verdict(process.exitValue(), output);
    }
}
