package io.eventline.http;

import org.apache.kafka.streams.state.HostInfo;

/**
 * The instance that owns a key did not answer a forwarded request: it is stopping, gone, or too slow.
 * Its partitions move once Kafka sees it leave, so the caller may locate the key again.
 */
public class OwnerUnreachableException extends RuntimeException {
    private final transient HostInfo owner;

    public OwnerUnreachableException(HostInfo owner, String pathAndQuery, Throwable cause) {
        super("GET " + pathAndQuery + " forwarded to " + owner.host() + ":" + owner.port() + " got no answer: "
                + cause, cause);
        this.owner = owner;
    }

    public HostInfo owner() {
        return owner;
    }
}
