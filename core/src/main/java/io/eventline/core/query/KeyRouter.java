package io.eventline.core.query;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Tells which instance of a Kafka Streams application can answer a query for a key of one of its
 * stores: the instance that holds the key's active store partition. When several instances run the
 * same application, each store is split between them; each instance advertises its HTTP address as
 * {@code application.server}, and this router compares the key's owner with {@code self}.
 *
 * <p>Keys are {@code String}s partitioned by Kafka's default partitioner, as the stores' source
 * topics are written. While the assignment is unknown (a rebalance) or the owning store is restoring,
 * {@link #locate(String, String, Duration)} waits and looks again rather than failing. Thread-safe:
 * it keeps no state of its own.
 * {@snippet :
 * KeyRouter router = KeyRouter.of(streams, new HostInfo("10.0.0.5", 8080));
 * switch (router.locate("accounts-snapshots", customerId, Duration.ofSeconds(5))) {
 *     case KeyOwner.Local local -> answerHere();
 *     case KeyOwner.Remote remote -> forwardTo(remote.host());
 *     case KeyOwner.Unavailable none -> answer503(none.reason());
 * }
 * }
 */
public final class KeyRouter {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

    private final Placement placement;
    private final HostInfo self;

    KeyRouter(Placement placement, HostInfo self) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.self = Objects.requireNonNull(self, "self");
    }

    /** @param self this instance's {@code application.server}, exactly as configured on {@code streams} */
    public static KeyRouter of(KafkaStreams streams, HostInfo self) {
        return of(() -> streams, self);
    }

    /** @param streams the streams holding the stores now, asked on every lookup (a rebuild may swap them) */
    public static KeyRouter of(Supplier<KafkaStreams> streams, HostInfo self) {
        return new KeyRouter(Placement.of(streams), self);
    }

    public HostInfo self() {
        return self;
    }

    /**
     * Where the key can be read now, waiting (with a short backoff) up to {@code patience} while no
     * instance can answer.
     *
     * @return {@link KeyOwner.Unavailable} only once {@code patience} is spent
     * @throws IllegalArgumentException when the topology has no store of that name
     */
    public KeyOwner locate(String store, String key, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = FIRST_PAUSE;
        KeyOwner owner = now(store, key);
        while (owner instanceof KeyOwner.Unavailable && System.nanoTime() + pause.toNanos() < deadline) {
            Thread.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
            owner = now(store, key);
        }
        return owner;
    }

    /**
     * Where the key can be read at this instant, without waiting.
     *
     * @throws IllegalArgumentException when the topology has no store of that name
     */
    public KeyOwner now(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = placement.metadata(store, key);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return new KeyOwner.Unavailable("the streams holding " + store + " are not running: " + e.getMessage());
        }
        if (metadata == null) {
            throw new IllegalArgumentException("no store " + store + " in this Kafka Streams topology");
        }
        if (metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) { // no assignment known yet
            return new KeyOwner.Unavailable("the " + store + " store is rebalancing");
        }
        return ownerOf(store, key, metadata);
    }

    private KeyOwner ownerOf(String store, String key, KeyQueryMetadata metadata) {
        int partition = metadata.partition();
        // A global store has no partition (-1): every instance holds all of it. Otherwise the local
        // task is the truth: it answers even while the metadata lags a rebalance, or when these
        // streams advertise no application.server (one instance, its hosts unknown).
        if (partition < 0 || placement.answers(store, key, partition)) {
            return new KeyOwner.Local(partition);
        }
        HostInfo active = metadata.activeHost();
        if (active == null || active.port() < 0) {
            return new KeyOwner.Unavailable("no instance holds partition " + partition + " of the " + store
                    + " store yet (rebalancing, or its streams advertise no application.server)");
        }
        if (active.equals(self)) {
            return new KeyOwner.Unavailable("the " + store + " store is restoring partition " + partition);
        }
        return new KeyOwner.Remote(active, partition);
    }
}
