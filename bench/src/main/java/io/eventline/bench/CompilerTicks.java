package io.eventline.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU a process's JIT compiler threads used, from {@code /proc/PID/task/TID/stat} (Linux): at rest a
 * JVM a minute old still compiles, and how much differs from one start to the next by a point or more
 * of a core, so the idle figures say how much of them it was. Ticks are the kernel's clock ticks
 * (USER_HZ, 100 a second on Linux).
 */
final class CompilerTicks {
    static final double TICKS_PER_SECOND = 100;

    private CompilerTicks() {
    }

    /** user + system ticks of each compiler thread now alive, by thread id; empty where /proc does not say. */
    static Map<String, Long> of(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (isCompiler(name(stat))) {
                        ticks.put(task.getFileName().toString(), ticks(stat));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile: its ticks are lost, as a thread's that ends in the window
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The ticks used between two looks; a thread born in between counts from zero. */
    static long between(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** HotSpot's C1 and C2 compiler threads, as the kernel shortens their names (15 characters). */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    /** The thread's name: between the first '(' and the last ')', which may hold spaces and parentheses. */
    static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime: fields 14 and 15 of the line, the 12th and 13th after the name's ')'. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
