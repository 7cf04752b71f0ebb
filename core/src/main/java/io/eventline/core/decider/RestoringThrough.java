package io.eventline.core.decider;

import java.io.File;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A store's context that registers {@code restore} as the store's restore callback instead of the one
 * the wrapped store would register: what {@link HistoryStore} needs for restoring to append, not copy.
 * Everything else is the real context.
 */
final class RestoringThrough implements StateStoreContext {
    private final StateStoreContext context;
    private final BiConsumer<byte[], byte[]> restore;

    RestoringThrough(StateStoreContext context, BiConsumer<byte[], byte[]> restore) {
        this.context = context;
        this.restore = restore;
    }

    private StateRestoreCallback callback() {
        return restore::accept;
    }

    @Override
    public void register(StateStore store, StateRestoreCallback ignored) {
        context.register(store, callback());
    }

    @Override
    public void register(StateStore store, StateRestoreCallback ignored, CommitCallback checkpoint) {
        context.register(store, callback(), checkpoint);
    }

    @Override
    public String applicationId() {
        return context.applicationId();
    }

    @Override
    public TaskId taskId() {
        return context.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return context.recordMetadata();
    }

    @Override
    public Serde<?> keySerde() {
        return context.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
        return context.valueSerde();
    }

    @Override
    public File stateDir() {
        return context.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
        return context.metrics();
    }

    @Override
    public Map<String, Object> appConfigs() {
        return context.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return context.appConfigsWithPrefix(prefix);
    }
}
