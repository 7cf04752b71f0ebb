package io.eventline.app.verify;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The log verifier: reads every event, state and command topic of Eventline from offset 0 and checks
 * what exactly-once promises (see {@link Violation} for each way it can break). For tests and for
 * {@code ./eventline verify}.
 */
public final class LogVerifier {
    private LogVerifier() {
    }

    /**
     * @param clientSettings bootstrap servers and any security settings
     * @param snapshots the aggregates' snapshots, compared with the log's versions when at rest
     * @param atRest the platform is quiescent: no order in flight, nothing more will be appended
     * @param patience how long reading may take
     */
    public static Verdict verify(Map<String, Object> clientSettings, Optional<Snapshots> snapshots, boolean atRest,
                                 Duration patience) {
        LogTopics topics = LogTopics.platform();
        LogCheck check = new LogCheck(topics);
        LogReader.read(clientSettings, topics, check, patience);
        return check.verdict(snapshots, atRest);
    }
}
