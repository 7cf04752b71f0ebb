package io.eventline.core.kafka;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams application does when a stream thread dies: logs it and starts a new thread,
 * which takes the dead one's tasks from their last commit. Kafka Streams' default shuts the whole
 * client down for good. A commit that fails while a broker is killed ("the producer attempted a
 * transactional operation in an invalid state") kills the thread: a read model left with that
 * default answered 503 for the rest of a broker soak, while the services beside it, replacing the
 * thread, went on.
 */
public final class ReplaceFailedThreads implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaceFailedThreads.class);

    private final String name;

    /** @param name what the log line names: the service or read model the application runs */
    public ReplaceFailedThreads(String name) {
        this.name = name;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("{} stream thread failed; replacing it", name, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
