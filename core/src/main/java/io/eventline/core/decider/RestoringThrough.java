package io.eventline.core.decider;

import java.io.File;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A store's context that registers, in place of the restore callback the wrapped store gives, the one
 * {@code instead} makes of it: what {@link HistoryStore} needs for restoring to append, not copy.
 * Everything else is the real context.
 */
final class RestoringThrough implements StateStoreContext {
    private final StateStoreContext context;
    private final UnaryOperator<StateRestoreCallback> instead;

    RestoringThrough(StateStoreContext context, UnaryOperator<StateRestoreCallback> instead) {
        this.context = context;
        this.instead = instead;
    }

    /** Registers {@code restore} whatever the wrapped store gives. */
    static RestoringThrough restoring(StateStoreContext context, BiConsumer<byte[], byte[]> restore) {
        return new RestoringThrough(context, given -> restore::accept);
    }

    @Override
    public void register(StateStore store, StateRestoreCallback given) {
        context.register(store, instead.apply(given));
    }

    @Override
    public void register(StateStore store, StateRestoreCallback given, CommitCallback checkpoint) {
        context.register(store, instead.apply(given), checkpoint);
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
