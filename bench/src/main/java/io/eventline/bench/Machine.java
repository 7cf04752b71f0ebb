package io.eventline.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: JDK, cores, memory, CPU, and its load average (as {@code uptime} shows
 * it) before and after the run. Figures taken while other work loads the machine are not to be trusted.
 */
record Machine(String jdk, int cores, long memoryBytes, String os, String cpu, String loadBefore, String loadAfter) {
    static Machine now() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                + System.getProperty("java.vendor") + ")", Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                cpuModel(), loadAverage(), "");
    }

    Machine withLoadAfter() {
        return new Machine(jdk, cores, memoryBytes, os, cpu, loadBefore, loadAverage());
    }

    /** Whether the 1-minute load average was above the core count at either end: others shared the CPUs. */
    boolean loaded() {
        return above(loadBefore) || above(loadAfter);
    }

    private boolean above(String load) {
        try {
            return !load.isEmpty() && Double.parseDouble(load.split(",")[0].strip()) > cores;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them; "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return String.join(", ", List.of(fields).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
