package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules in {@code deploy/prometheus}: valid for {@code promtool check rules}, and
 * each alert firing (and not firing) on the series of {@code eventline-rules.test.yml}. That the metrics
 * they read are served is {@code MetricsTest}'s.
 */
class AlertRulesTest {
    private static final Path RULES = Path.of("").toAbsolutePath().getParent().resolve("deploy/prometheus");

    @Test
    void shouldPassPromtoolsCheckAndItsUnitTestsOfEveryAlert() throws Exception {
        Path promtool = Promtool.find().orElse(null);
        Assumptions.assumeTrue(promtool != null, Promtool.MISSING);

        assertThat(run(promtool, "check", "rules", "eventline-rules.yml")).contains("SUCCESS: 5 rules found");
        assertThat(run(promtool, "test", "rules", "eventline-rules.test.yml")).contains("SUCCESS");
    }

    private static String run(Path promtool, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = promtool.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }
}
