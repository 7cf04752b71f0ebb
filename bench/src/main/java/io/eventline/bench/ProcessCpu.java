package io.eventline.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used (user and system, every thread): the bench's broker, the platform or
 * minimal saga under test and the bench's own clients all run in it, so its growth over a phase ÷ the
 * orders of the phase is what an order costs the machine, wherever the cost falls.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Milliseconds of CPU per order since {@code startedNanos} ({@link #nanos()}); NaN when unknown. */
    static double msPerOrder(long startedNanos, long orders) {
        long now = nanos();
        return startedNanos < 0 || now < 0 || orders <= 0 ? Double.NaN : (now - startedNanos) / 1e6 / orders;
    }
}
