package io.eventline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./eventline}: exit 0 on success, 2 on bad usage (with the usage), 1 on failure with one line. */
@Command(name = "eventline", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "An event-driven order platform on Apache Kafka.",
        subcommands = {RunCommand.class, BrokerCommand.class, ServiceCommand.class, LoadCommand.class, ProjectionsCommand.class, DlqCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = commandLine().execute(args);
        } catch (Throwable e) { // an Error (e.g. a jar of another version) passes picocli: still one line, exit 1
            System.err.println("eventline: " + oneLine(e));
            exitCode = 1;
        }
        // Exit even if a failed start left non-daemon threads behind (Kafka's, Jetty's).
        System.exit(exitCode);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("eventline: " + oneLine(e));
                    return 1;
                })
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println("eventline: " + e.getMessage());
                    cmd.usage(cmd.getErr());
                    return 2;
                });
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
