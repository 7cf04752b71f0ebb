package io.eventline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./eventline run} started cold, as a process of its own on an empty data dir (its own JVM and
 * embedded broker, free ports), timed from the process's start to its "ready" line; then left at rest
 * and its idle cost measured ({@link IdleCost}); then stopped as Ctrl-C would, and the broker alone
 * started on the data it left; then the minimal saga at rest ({@link MinimalAtRest}), the floor of the
 * design at rest, measured the same way. From JDK 25 each first start records an AOT cache, as the
 * launcher has it, and a later start with that cache is timed and measured at rest too: the start a user
 * has every time but the first after a build, and the one the targets judge.
 */
final class ColdStart {
    private static final Pattern READY = Pattern.compile("Eventline is ready in ([0-9.]+) s");
    private static final Pattern BROKER_READY = Pattern.compile("Kafka broker \\(a node alone\\) ready in ([0-9.]+) s");
    private static final Pattern MINIMAL_READY = Pattern.compile(Pattern.quote(MinimalAtRest.READY) + "([0-9.]+) s");

    private ColdStart() {
    }

    /**
     * @param settle how long the ready process is left alone before its idle cost is measured
     * @param window how long that cost is measured, the run's and then the broker's alone
     */
    static Results.ColdStart run(Path dataDir, Duration limit, Duration settle, Duration window, Progress progress) {
        // As the launcher does from JDK 25: the first start records the AOT cache (written as it stops),
        // every later one loads from it.
        boolean aotCache = Runtime.version().feature() >= AOT_CACHE_FEATURE;
        Path cache = dataDir.resolveSibling(dataDir.getFileName() + ".aot");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Results.Start first;
        IdleCost idle;
        long started = System.nanoTime();
        Process process = start(run(dataDir, aotCache ? aot("-XX:AOTCacheOutput=" + cache) : List.of()), log);
        try {
            first = awaitReady(process, started, limit, log, progress, "");
            idle = idle("./eventline run", process, settle, window, progress);
        } finally {
            stop(process); // with the cache to record, it takes a few seconds more
        }
        IdleCost broker = brokerAlone(dataDir, limit, settle, window, progress);
        Path minimalDir = dataDir.resolveSibling(dataDir.getFileName() + "-minimal");
        Path minimalCache = minimalDir.resolveSibling(minimalDir.getFileName() + ".aot");
        IdleCost minimal = minimalAtRest(minimalDir, aotCache ? aot("-XX:AOTCacheOutput=" + minimalCache) : List.of(),
                "", limit, settle, window, progress);
        Results.Start again = null;
        IdleCost idleAgain = null;
        if (aotCache && Files.exists(cache)) {
            progress.phase("a second cold start of ./eventline run, with the AOT cache the first recorded");
            Path secondDir = dataDir.resolveSibling(dataDir.getFileName() + "-again");
            Path secondLog = secondDir.resolveSibling(secondDir.getFileName() + ".log");
            long secondStarted = System.nanoTime();
            Process second = start(run(secondDir, aot("-XX:AOTCache=" + cache)), secondLog);
            try {
                again = awaitReady(second, secondStarted, limit, secondLog, progress, " with the AOT cache");
                idleAgain = idle("./eventline run, a later start with the AOT cache,", second, settle, window, progress);
            } finally {
                stop(second);
            }
        }
        IdleCost minimalAgain = aotCache && Files.exists(minimalCache)
                ? minimalAtRest(minimalDir.resolveSibling(minimalDir.getFileName() + "-again"),
                        aot("-XX:AOTCache=" + minimalCache), ", a later start with its AOT cache,", limit, settle,
                        window, progress)
                : null;
        return new Results.ColdStart(first.seconds(), first.reportedSeconds(), again,
                new Results.AtRest(idle, idleAgain), broker, new Results.AtRest(minimal, minimalAgain));
    }

    /** The JDK whose {@code -XX:AOTCacheOutput} records an AOT cache in one run (JEP 514). */
    static final int AOT_CACHE_FEATURE = 25;

    /** The JVM's own log off, as the launcher has it: a cache it cannot use is no error. */
    private static List<String> aot(String flag) {
        return List.of(flag, "-Xlog:aot*=off", "-Xlog:cds*=off");
    }

    /** {@code run} on its own empty data dir and free ports, with the platform the rest of the bench measures. */
    private static List<String> run(Path dataDir, List<String> jvmFlags) {
        List<String> command = new ArrayList<>(command(dataDir, "run", "--port", "0", "--broker-port", "0",
                // no catalog (PostgreSQL, Kafka Connect)
                "--services", String.join(",", io.eventline.app.EventlineConfig.ORDER_SERVICES)));
        command.addAll(1, jvmFlags);
        return command;
    }

    private static Results.Start awaitReady(Process process, long startedNanos, Duration limit, Path log,
                                            Progress progress, String how) {
        double reported = awaitLine(process, READY, limit, log);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        progress.note(String.format("ready in %.1f s%s (it says %.1f s)", seconds, how, reported));
        return new Results.Start(seconds, reported);
    }

    /**
     * The embedded broker alone ({@code ./eventline broker}) on the data the run left: the same topics
     * and partitions, no client. What it costs at rest is the floor of the run's idle cost.
     */
    private static IdleCost brokerAlone(Path dataDir, Duration limit, Duration settle, Duration window,
                                        Progress progress) {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-broker.log");
        Process broker = start(command(dataDir, "broker", "--port", "0"), log);
        try {
            awaitLine(broker, BROKER_READY, limit, log);
            return idle("the embedded broker alone", broker, settle, window, progress);
        } finally {
            stop(broker);
        }
    }

    /**
     * The minimal saga's four stages with an embedded broker in one JVM, on an empty data dir, as the run
     * is measured: what any exactly-once saga on this broker costs at rest ({@link MinimalAtRest}).
     */
    private static IdleCost minimalAtRest(Path dataDir, List<String> jvmFlags, String how, Duration limit,
                                          Duration settle, Duration window, Progress progress) {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<String> command = java();
        command.addAll(1, jvmFlags);
        command.addAll(List.of(MinimalAtRest.class.getName(), dataDir.toString()));
        Process minimal = start(command, log);
        try {
            awaitLine(minimal, MINIMAL_READY, limit, log);
            return idle("the minimal saga (with its embedded broker, one JVM)" + how, minimal, settle, window,
                    progress);
        } finally {
            stop(minimal); // with a cache to record, it takes a few seconds more
        }
    }

    private static IdleCost idle(String what, Process process, Duration settle, Duration window,
                                 Progress progress) {
        progress.phase(String.format("%s at rest: left %d s, then measured for %d s", what, settle.toSeconds(),
                window.toSeconds()));
        IdleCost cost = IdleCost.of(process.toHandle(), settle, window);
        progress.note(String.format("%.1f %% of one core (the JIT's compiler threads %.1f %%), %d threads",
                cost.percentOfCore(), cost.compilerPercentOfCore(), cost.threads()));
        return cost;
    }

    private static Process start(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(command.size() - 1) + ": " + e.getMessage(), e);
        }
    }

    /** The same JVM and class path as the bench's (which holds the app and its libraries). */
    private static List<String> command(Path dataDir, String subcommand, String... options) {
        List<String> command = java();
        command.addAll(List.of("io.eventline.app.cli.Main", subcommand, "--data-dir", dataDir.toString()));
        command.addAll(List.of(options));
        return command;
    }

    /** The JVM, its flags as the launcher sets them, and the class path: a main class and its arguments follow. */
    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 24) { // as the launcher sets them
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return command;
    }

    /**
     * Reads the process's output until a line matches {@code ready}, whose first group it returns (the
     * seconds it says it took); the rest of the output is read and dropped, so that the process never
     * blocks on a full pipe while it is measured.
     */
    private static double awaitLine(Process process, Pattern ready, Duration limit, Path log) {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread watchdog = Thread.ofVirtual().start(() -> {
            if (!waitFor(process, limit)) {
                process.destroy(); // closes the output: the loop below ends
            }
        });
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher matched = ready.matcher(line);
                if (matched.find()) {
                    Thread.ofVirtual().start(() -> drain(reader));
                    return Double.parseDouble(matched.group(1));
                }
            }
            throw new IllegalStateException(process.info().commandLine().orElse("the process")
                    + " ended without getting ready: " + tail(log));
        } catch (IOException e) {
            throw new IllegalStateException("reading the process's output: " + e.getMessage(), e);
        } finally {
            watchdog.interrupt();
        }
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // dropped: only the ready line mattered
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true; // the run got ready: nothing to stop here
        }
    }

    private static void stop(Process process) {
        process.destroy();
        if (!waitFor(process, Duration.ofSeconds(30))) {
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
