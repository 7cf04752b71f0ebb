package io.eventline.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's HAProxy, when installed: checks a configuration, or runs one in the foreground as a child process. */
final class Haproxy implements AutoCloseable {
    static final String MISSING = "haproxy is not installed: on Debian, 'apt-get install haproxy' (.ci/run installs it)";

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** On the PATH, or in /usr/sbin, where Debian puts it and a non-root PATH may not look. */
    static Optional<Path> find() {
        return Stream.concat(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                        Stream.of("/usr/sbin"))
                .map(dir -> Path.of(dir, "haproxy")).filter(Files::isExecutable).findFirst();
    }

    /** {@code haproxy -c}: what it says, and whether the configuration is valid. */
    record Verdict(int exitCode, String output) {
    }

    static Verdict check(Path haproxy, Path config) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(haproxy.toString(), "-c", "-f", config.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("haproxy -c did not finish in 30 s");
        }
        return new Verdict(process.exitValue(), output);
    }

    /**
     * HAProxy in front of {@code frontDoor}'s instances on a free port, its configuration and log in
     * {@code dir}; returns once a request through it reaches a ready instance.
     */
    static Haproxy inFrontOf(Path haproxy, java.util.function.IntFunction<FrontDoor> frontDoor, Path dir)
            throws IOException {
        int port = EventlineProcess.freePort();
        Path config = Files.writeString(Files.createDirectories(dir).resolve("haproxy.cfg"),
                frontDoor.apply(port).haproxyConfig());
        Haproxy proxy = new Haproxy(new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start(), port);
        TestApi api = new TestApi(port);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> api.get("/health/ready").statusCode() == 200);
        return proxy;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
