package io.eventline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.app.EventlineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --api-token-file}: the token kept out of {@code ps}, for every command that takes a token. */
class ApiTokenFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldSendTheTokenReadFromTheFileWhenGivenATokenFile() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "  s3cret-from-file\n");
        try (StandIn eventline = new StandIn((method, path) -> StandIn.Answer.ok("[]"))) {
            Cli.Result result = Cli.execute("dlq", "list", "--url", eventline.url(), "--api-token-file", file.toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(eventline.requests()).extracting(StandIn.Request::authorization)
                    .containsOnly("Bearer s3cret-from-file");
        }
    }

    @Test
    void shouldListenBeyondThisMachineWithTheTokenFromTheFileWhenRunIsGivenATokenFile() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "s3cret-from-file\n");
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--bind", "0.0.0.0", "--api-token-file", file.toString(),
                "--data-dir", dir.resolve("data").toString());

        EventlineConfig config = run.options.config(Optional.empty(), 9092, EventlineConfig.KNOWN_SERVICES);

        assertThat(config.http().apiToken()).contains("s3cret-from-file");
    }

    @Test
    void shouldExitTwoNamingTheFileWhenItCannotBeRead() {
        Path missing = dir.resolve("no-such-token");

        // --kafka-config is read after the token: were the token file not read, run would stop there, not start.
        Cli.Result result = Cli.execute("run", "--data-dir", dir.resolve("data").toString(), "--api-token-file",
                missing.toString(), "--kafka-config", dir.resolve("no-such-kafka-config").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("eventline: --api-token-file: cannot read " + missing
                + " (NoSuchFileException)").contains("Usage: eventline run");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void shouldExitTwoWhenTheFileIsEmpty() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "\n");

        Cli.Result result = Cli.execute("load", "--url", "http://127.0.0.1:1", "--api-token-file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("eventline: --api-token-file: " + file + " must hold the token alone on "
                + "one line, it is empty");
    }

    @Test
    void shouldExitTwoWhenGivenBothATokenAndATokenFile() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "one");

        Cli.Result result = Cli.execute("verify", "--url", "http://127.0.0.1:1", "--quiescent", "--api-token", "two",
                "--api-token-file", file.toString(), "--bootstrap-servers", "127.0.0.1:1", "--timeout", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("eventline: --api-token and --api-token-file: give one, not both");
    }

    @Test
    void shouldSayInTheHelpThatTheVariableOrTheFileIsTheSafeWay() {
        for (String command : new String[] {"run", "service", "load", "verify"}) {
            Cli.Result result = Cli.execute(command, "--help");

            assertThat(String.join(" ", result.out().split("\\s+"))).as(command)
                    .contains("--api-token-file=FILE")
                    .contains("On the command line it shows in ps to every user of this machine: EVENTLINE_API_TOKEN "
                            + "or --api-token-file is the safe way");
        }
    }
}
