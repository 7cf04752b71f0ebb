package io.eventline.core.projection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named read model over event topics. Each version runs as its own Kafka Streams application
 * ({@code eventline-projection-<name>-v<N>}) into its own store ({@code <name>-v<N>}), so that version
 * N+1 can be built from offset 0 beside version N, which keeps serving until N+1 has caught up.
 *
 * @param rekey whether views are keyed otherwise than the records (then a named repartition topic
 *     brings each view's events to one task); false when the view key is the record key
 * @param index the lists kept sorted by when their views last changed ({@link ViewIndex}), if any
 */
public record Projection<V>(String name, List<String> topics, Class<V> viewType, Projector<V> projector,
                            boolean rekey, Optional<ViewIndex<V>> index) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Projection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(viewType, "viewType");
        Objects.requireNonNull(projector, "projector");
        Objects.requireNonNull(index, "index");
        topics = List.copyOf(topics);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: lower-case letters, digits and '-', was " + name);
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException(name + ": a projection reads at least one topic");
        }
    }

    /** A projection whose views are in no list but the store itself. */
    public Projection(String name, List<String> topics, Class<V> viewType, Projector<V> projector, boolean rekey) {
        this(name, topics, viewType, projector, rekey, Optional.empty());
    }

    /** The same projection, with its views listed by {@code index}. */
    public Projection<V> indexedBy(ViewIndex<V> index) {
        return new Projection<>(name, topics, viewType, projector, rekey, Optional.of(index));
    }

    /** The store of the index of version {@code version}, when the projection has an index. */
    public String indexStore(int version) {
        return store(version) + "-index";
    }

    public String store(int version) {
        return name + "-v" + version;
    }

    public String applicationId(int version) {
        return "eventline-projection-" + name + "-v" + version;
    }
}
