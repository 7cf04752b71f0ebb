package io.eventline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./eventline}: exit 0 on success, 2 on bad usage (with the usage), 1 on failure with one line. */
@Command(name = "eventline", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "An event-driven order platform on Apache Kafka.",
        subcommands = {RunCommand.class, BrokerCommand.class, ServiceCommand.class, LoadCommand.class, ProjectionsCommand.class, DlqCommand.class, VerifyCommand.class, FrontDoorCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
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
                .setExecutionStrategy(parsed -> {
                    rejectUnmatched(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("eventline: " + oneLine(e));
                    return 1;
                })
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println("eventline: " + describe(e));
                    cmd.usage(cmd.getErr());
                    return 2;
                });
    }

    /**
     * Picocli lets {@code --help} or {@code --version} pass an argument it did not match (and exits 0 with
     * the usage): a mistyped command must fail whatever follows it.
     */
    private static void rejectUnmatched(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
    }

    /** "unknown command 'X'" where a command was expected, else what picocli says. */
    private static String describe(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().getFirst() + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        return e.getMessage();
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
