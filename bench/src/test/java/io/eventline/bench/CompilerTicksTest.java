package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerTicksTest {
    // A line of /proc/PID/task/TID/stat: utime 1234 and stime 56 after a name with a space and a ')'.
    private static final String STAT = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 1 0 0 0 1234 56 0 0 20 0 "
            + "180 0 123 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void shouldReadTheUserAndSystemTicksAfterTheThreadsName() {
        assertThat(CompilerTicks.name(STAT)).isEqualTo("C2 CompilerThre");
        assertThat(CompilerTicks.ticks(STAT)).isEqualTo(1_290);
        assertThat(CompilerTicks.ticks(STAT.replace("(C2 CompilerThre)", "(odd) name)"))).isEqualTo(1_290);
    }

    @Test
    void shouldTellTheJitsCompilerThreadsFromTheOthers() {
        assertThat(CompilerTicks.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(CompilerTicks.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(CompilerTicks.isCompiler("GC Thread#0")).isFalse();
        assertThat(CompilerTicks.isCompiler("data-plane-kafk")).isFalse();
    }

    @Test
    void shouldCountAThreadBornBetweenTheLooksFromZero() {
        assertThat(CompilerTicks.between(Map.of("1", 100L, "2", 50L), Map.of("1", 130L, "3", 20L))).isEqualTo(50);
    }

    @Test
    void shouldFindThisJvmsOwnCompilerThreadsOnLinux() {
        Map<String, Long> ticks = CompilerTicks.of(ProcessHandle.current().pid());
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(ticks).as("a running JVM has compiler threads").isNotEmpty();
            assertThat(ticks.values()).allMatch(t -> t >= 0);
        }
    }
}
