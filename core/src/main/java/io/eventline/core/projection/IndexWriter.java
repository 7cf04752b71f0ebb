package io.eventline.core.projection;

import io.eventline.core.query.RecencyIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one task's partition of a projection's index ({@link ViewIndex}) in step with its views: each
 * view written moves its entries to the time of the event that changed it. The index has no changelog:
 * whenever the task starts (a restart, a crash, a partition moving to another instance, whose copy on
 * disk may be old) it is rebuilt from the views, which are, at the first punctuation (stores cannot
 * be written in {@code init}).
 */
final class IndexWriter<V> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexWriter.class);

    private final ViewIndex<V> terms;
    private final KeyValueStore<String, byte[]> index;
    private final KeyValueStore<String, byte[]> views;
    private final ProjectedCodec<V> codec;
    private Cancellable backfill;

    IndexWriter(ViewIndex<V> terms, KeyValueStore<String, byte[]> index, KeyValueStore<String, byte[]> views,
                ProjectedCodec<V> codec) {
        this.terms = terms;
        this.index = index;
        this.views = views;
        this.codec = codec;
    }

    /** @param before the view as it was, null when this event made it */
    void moved(String key, Projected<V> before, V after, Instant at) {
        List<String> was = before == null ? List.of() : terms.terms(before.view());
        RecencyIndex.move(index, key, was, before == null ? at : before.updated(), terms.terms(after), at);
    }

    void backfillSoon(ProcessorContext<?, ?> context) {
        backfill = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> backfill());
    }

    /** Indexes every view of this partition afresh: what the index held may be another time's. */
    private void backfill() {
        backfill.cancel();
        try (KeyValueIterator<String, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> index.delete(entry.key));
        }
        long indexed = 0;
        try (KeyValueIterator<String, byte[]> all = views.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                Projected<V> view = codec.read(entry.value);
                RecencyIndex.put(index, terms.terms(view.view()), view.updated(), entry.key);
                indexed++;
            }
        }
        LOG.debug("indexed {} views in {}", indexed, index.name());
    }
}
