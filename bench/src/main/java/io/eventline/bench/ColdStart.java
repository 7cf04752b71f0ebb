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
 * embedded broker, free ports), timed from the process's start to its "ready" line; then stopped as
 * Ctrl-C would.
 */
final class ColdStart {
    private static final Pattern READY = Pattern.compile("Eventline is ready in ([0-9.]+) s");

    private ColdStart() {
    }

    static Results.ColdStart run(Path dataDir, Duration limit, Progress progress) {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command(dataDir)).redirectError(log.toFile());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ./eventline run: " + e.getMessage(), e);
        }
        try {
            double reported = awaitReady(process, limit, log);
            Results.ColdStart result = new Results.ColdStart((System.nanoTime() - started) / 1e9, reported);
            progress.note(String.format("ready in %.1f s (it says %.1f s)", result.seconds(), reported));
            return result;
        } finally {
            stop(process);
        }
    }

    /** The same JVM and class path as the bench's (which holds the app and its libraries). */
    private static List<String> command(Path dataDir) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 24) { // as the launcher sets them
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.eventline.app.cli.Main", "run",
                "--data-dir", dataDir.toString(), "--port", "0", "--broker-port", "0",
                // the platform the rest of the bench measures: no catalog (PostgreSQL, Kafka Connect)
                "--services", String.join(",", io.eventline.app.EventlineConfig.ORDER_SERVICES)));
        return command;
    }

    private static double awaitReady(Process process, Duration limit, Path log) {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread watchdog = Thread.ofVirtual().start(() -> {
            if (!waitFor(process, limit)) {
                process.destroy(); // closes the output: the loop below ends
            }
        });
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    return Double.parseDouble(ready.group(1));
                }
            }
            throw new IllegalStateException("./eventline run ended without getting ready: " + tail(log));
        } catch (IOException e) {
            throw new IllegalStateException("reading ./eventline run's output: " + e.getMessage(), e);
        } finally {
            watchdog.interrupt();
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
