package io.eventline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./eventline}: exit 0 on success, 2 on bad usage (with the usage), 1 on failure with one line. */
@Command(name = "eventline", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "An event-driven order platform on Apache Kafka.",
        subcommands = {RunCommand.class, BrokerCommand.class, ServiceCommand.class, LoadCommand.class, ProjectionsCommand.class, DlqCommand.class, VerifyCommand.class, SchemasCommand.class, FrontDoorCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--log-format", scope = CommandLine.ScopeType.INHERIT, paramLabel = "text|json",
            defaultValue = "${env:EVENTLINE_LOG_FORMAT:-text}", converter = LogFormatConverter.class,
            description = "log lines on stderr as text, or one JSON object a line with the correlation id of the "
                    + "record or request being handled (default text)")
    void logFormat(Logs.Format format) {
        Logs.format(format);
    }

    @Option(names = "--log-level", scope = CommandLine.ScopeType.INHERIT, paramLabel = "LEVEL",
            defaultValue = "${env:EVENTLINE_LOG_LEVEL:-INFO}",
            description = "Eventline's own log level: ERROR, WARN, INFO, DEBUG or TRACE (default INFO)")
    void logLevel(String level) {
        try {
            Logs.level(level);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code text} or {@code json}, in any case. */
    static final class LogFormatConverter implements CommandLine.ITypeConverter<Logs.Format> {
        @Override
        public Logs.Format convert(String value) {
            try {
                return Logs.Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("text or json, not " + value);
            }
        }
    }

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
