package io.eventline.core.query;

import java.util.Objects;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance can answer a query for one key of a store right now: this one, another one (whose
 * HTTP address Kafka Streams knows from its {@code application.server}), or none yet.
 */
public sealed interface KeyOwner permits KeyOwner.Local, KeyOwner.Remote, KeyOwner.Unavailable {
    /** This instance holds the key's active store partition, and the store answers queries. */
    record Local(int partition) implements KeyOwner {
    }

    /** Another instance holds the key's active store partition. */
    record Remote(HostInfo host, int partition) implements KeyOwner {
        public Remote {
            Objects.requireNonNull(host, "host");
        }
    }

    /** No instance can answer yet (rebalancing, restoring, stopping); {@code reason} says which, for a 503. */
    record Unavailable(String reason) implements KeyOwner {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
