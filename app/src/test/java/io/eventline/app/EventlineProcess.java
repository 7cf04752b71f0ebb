package io.eventline.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An {@code eventline} command ({@code run}, {@code broker}, {@code service}) as a real child process
 * of the test JVM, on one data dir and fixed ports, so that it can be killed (SIGKILL) and started
 * again where it was, with clients keeping their addresses. It runs the classes of this JVM's
 * classpath (the app and all its dependencies) on this JVM's own java: no launcher, no build step.
 * Each start logs to {@code logs/start-N.log}.
 */
final class EventlineProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int START_ATTEMPTS = 3;

    private final String classpath;
    private final List<String> javaOptions;
    private final List<String> arguments;
    private final Path logDir;
    private final ProcessReady ready;
    private final Thread killOnExit = Thread.ofPlatform().unstarted(this::destroy);
    private Process process;
    private int starts;

    private EventlineProcess(List<String> javaOptions, List<String> arguments, ProcessReady ready, Path logDir,
                             String classpath) {
        this.classpath = classpath;
        this.javaOptions = List.copyOf(javaOptions);
        this.arguments = List.copyOf(arguments);
        this.logDir = logDir;
        this.ready = ready;
        // A test JVM that exits (a timeout, a failure) takes its child along: else it keeps its ports.
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * {@code eventline run}, not started yet: ports are chosen now, once, and kept for every start;
     * so is the classpath.
     */
    static EventlineProcess on(Path workDir) throws IOException {
        return on(workDir, List.of());
    }

    /** {@code eventline run} as {@link #on(Path)}, with more options, e.g. {@code --kafka-config FILE}. */
    static EventlineProcess on(Path workDir, List<String> moreOptions) throws IOException {
        int http = freePort();
        int broker = freePort();
        while (broker == http) {
            broker = freePort();
        }
        List<String> arguments = new ArrayList<>(List.of("run", "--data-dir", workDir.resolve("data").toString(),
                "--port", Integer.toString(http), "--broker-port", Integer.toString(broker),
                "--services", String.join(",", EventlineConfig.ORDER_SERVICES)));
        arguments.addAll(moreOptions);
        return new EventlineProcess(List.of("-Xmx1g"), arguments,
                new ProcessReady.Http(http), workDir.resolve("logs"),
                ClasspathSnapshot.of(workDir.resolve("classpath")));
    }

    /**
     * The same command on the same data dir and ports, with {@code moreOptions} in place of those it was
     * given, logging under {@code logDir}: a restart with other settings, clients keeping their address.
     */
    EventlineProcess reconfigured(List<String> moreOptions, Path logDir) {
        // run --data-dir D --port P --broker-port B --services S
        List<String> base = new ArrayList<>(arguments.subList(0, 9));
        base.addAll(moreOptions);
        return new EventlineProcess(javaOptions, base, ready, logDir, classpath);
    }

    /**
     * Any command, not started yet, logging under {@code logDir}.
     *
     * @param javaOptions for the JVM, e.g. its heap
     * @param classpath from {@link ClasspathSnapshot}, shared by the processes of one test
     */
    static EventlineProcess of(List<String> javaOptions, List<String> arguments, ProcessReady ready, Path logDir,
                               String classpath) {
        return new EventlineProcess(javaOptions, arguments, ready, logDir, classpath);
    }

    int httpPort() {
        return switch (ready) {
            case ProcessReady.Http http -> http.port();
            case ProcessReady.LogSays says -> throw new IllegalStateException(arguments.getFirst() + " serves no HTTP");
        };
    }

    /** The embedded broker of an {@code eventline run}, for clients of the test: its port is fixed for every start. */
    String bootstrapServers() {
        int option = arguments.indexOf("--broker-port");
        if (option < 0) {
            throw new IllegalStateException("eventline " + arguments.getFirst() + " runs no embedded broker");
        }
        return "127.0.0.1:" + arguments.get(option + 1);
    }

    /**
     * Starts the process and waits until it is ready; returns how long that took. A start that fails
     * (a port not yet free again, say) is retried; a start that is not ready in time fails the test.
     */
    synchronized Duration start() throws IOException {
        long began = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            launch();
            if (awaitReadyOrExit()) {
                return Duration.ofNanos(System.nanoTime() - began);
            }
            if (attempt == START_ATTEMPTS) {
                throw new IllegalStateException("eventline " + arguments.getFirst() + " did not start "
                        + START_ATTEMPTS + " times; last log "
                        + lastLog() + ":\n" + tail(lastLog()));
            }
            System.out.println("EventlineProcess: " + arguments.getFirst() + " start " + starts + " exited with "
                    + process.exitValue()
                    + " before ready, retrying; see " + lastLog());
        }
    }

    /** Runs a command that is expected to end by itself (a refused start): returns its exit code. */
    synchronized int runToExit(Duration timeout) throws IOException, InterruptedException {
        launch();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("eventline " + arguments.getFirst() + " still runs after " + timeout
                    + "; log " + lastLog() + ":\n" + tail(lastLog()));
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker; returns once the process is gone. */
    synchronized void kill() {
        if (!process.isAlive()) {
            throw new IllegalStateException("eventline " + arguments.getFirst() + " had died by itself (exit "
                    + process.exitValue()
                    + ") before it was killed; log " + lastLog() + ":\n" + tail(lastLog()));
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing eventline " + arguments.getFirst(), e);
        }
    }

    /** True while the process of the last start runs. */
    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    Path lastLog() {
        return logDir.resolve("start-" + starts + ".log");
    }

    @Override
    public synchronized void close() {
        destroy();
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    private void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the process without waiting for it: for a kill in the middle of a start. */
    synchronized void launch() throws IOException {
        Files.createDirectories(logDir);
        starts++;
        process = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(lastLog().toFile()).start();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(javaOptions);
        // For a diagnosis, e.g. -Deventline.crash.javaOpts=-Dlogback.configurationFile=/tmp/debug.xml
        String javaOpts = System.getProperty("eventline.crash.javaOpts", "").strip();
        if (!javaOpts.isEmpty()) {
            command.addAll(List.of(javaOpts.split("\\s+")));
        }
        // JDK 24+ flags the test JVM was given (see the jdk24-plus profile): the app needs them too.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--sun-misc-unsafe-memory-access")
                        || arg.startsWith("--enable-native-access"))
                .forEach(command::add);
        command.addAll(List.of("-cp", classpath, "io.eventline.app.cli.Main"));
        command.addAll(arguments);
        return command;
    }

    /** True once ready; false if the process exited first. */
    private boolean awaitReadyOrExit() {
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                    .until(() -> !process.isAlive() || ready.reached(lastLog()));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("eventline " + arguments.getFirst() + " was not ready within "
                    + READY_TIMEOUT + "\nlog " + lastLog() + ":\n" + tail(lastLog()), e);
        }
        return process.isAlive();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
