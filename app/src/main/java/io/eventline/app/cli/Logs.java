package io.eventline.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's format and level, chosen on the command line ({@code --log-format}, {@code --log-level})
 * after logback read {@code logback.xml}: text lines (the default), or one JSON object a line
 * (logback's {@link JsonEncoder}: timestamp, level, logger, thread, message, the MDC, with its
 * {@code correlationId}, and the exception) for a machine to read. Both on stderr: stdout stays for
 * what a command prints as its output.
 */
final class Logs {
    enum Format { TEXT, JSON }

    static final String TEXT_APPENDER = "CONSOLE";
    static final String JSON_APPENDER = "JSON";

    private static Appender<ILoggingEvent> text; // logback.xml's, while JSON replaces it

    private Logs() {
    }

    static synchronized void format(Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J backend: its own configuration decides
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> json = root.getAppender(JSON_APPENDER);
        if (format == Format.TEXT) {
            if (json != null && text != null) {
                root.addAppender(text);
                root.detachAppender(json);
                json.stop();
            }
            return;
        }
        if (json != null) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true); // the message as written, beside its pattern and arguments
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(JSON_APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        text = root.getAppender(TEXT_APPENDER);
        root.detachAppender(TEXT_APPENDER);
    }

    /** Eventline's own loggers ({@code io.eventline}) at {@code level}: ERROR, WARN, INFO, DEBUG or TRACE. */
    static void level(String level) {
        Level parsed = Level.toLevel(level.trim().toUpperCase(java.util.Locale.ROOT), null);
        if (parsed == null || !java.util.Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(parsed.levelStr)) {
            throw new IllegalArgumentException("--log-level: ERROR, WARN, INFO, DEBUG or TRACE, not " + level);
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.eventline").setLevel(parsed);
        }
    }
}
