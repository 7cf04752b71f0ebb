package io.eventline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a process costs at rest: the CPU it used (user and system) over a window, as a share of one
 * core, and its thread count at the end. Issue 16 asks ≤ 2 % and ≤ 100 threads of an idle
 * {@code ./eventline run}; the same figures of the minimal saga at rest ({@link MinimalAtRest}) are the
 * floor of the design, and those of the embedded broker alone the part of it no client adds.
 *
 * @param percentOfCore NaN when the JVM cannot tell the process's CPU time
 * @param threads -1 where {@code /proc} does not say (not Linux)
 * @param compilerPercentOfCore of {@code percentOfCore}, the JIT compiler threads' ({@link CompilerTicks});
 *     NaN where {@code /proc} does not say
 */
record IdleCost(double percentOfCore, int threads, Duration window, double compilerPercentOfCore) {
    IdleCost(double percentOfCore, int threads, Duration window) {
        this(percentOfCore, threads, window, Double.NaN);
    }

    /** Waits {@code settle} (the JIT's and the start's tail), then measures over {@code window}. */
    static IdleCost of(ProcessHandle process, Duration settle, Duration window) {
        Pause.of(settle);
        Duration before = cpu(process);
        Map<String, Long> compilerBefore = CompilerTicks.of(process.pid());
        long started = System.nanoTime();
        Pause.of(window);
        Duration used = cpu(process).minus(before);
        Map<String, Long> compilerAfter = CompilerTicks.of(process.pid());
        double elapsedMs = (System.nanoTime() - started) / 1e6;
        double percent = used.isNegative() ? Double.NaN : used.toNanos() / 1e6 / elapsedMs * 100;
        double compiler = compilerAfter.isEmpty() ? Double.NaN
                : CompilerTicks.between(compilerBefore, compilerAfter) / CompilerTicks.TICKS_PER_SECOND * 1e3
                        / elapsedMs * 100;
        return new IdleCost(percent, threads(process.pid()), window, compiler);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ofNanos(-1));
    }

    private static int threads(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("Threads:"))
                    .mapToInt(line -> Integer.parseInt(line.substring("Threads:".length()).strip()))
                    .findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
