package io.eventline.app.metrics;

import io.eventline.core.dlq.DeadLetterQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/** {@code eventline_dlq_depth_records{topic}}: per dead-letter topic, the dead letters not yet replayed. */
final class DeadLetterMeters implements MeterBinder {
    private final DeadLetterQueue queue;
    private MultiGauge gauge;

    DeadLetterMeters(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge = MultiGauge.builder("eventline.dlq.depth")
                .description("Dead letters waiting in a dead-letter topic: written there and not yet replayed")
                .baseUnit("records")
                .register(registry);
    }

    void refresh() {
        gauge.register(queue.depths().entrySet().stream().<MultiGauge.Row<?>>map(
                depth -> MultiGauge.Row.of(Tags.of("topic", depth.getKey()), depth.getValue())).toList(), true);
    }
}
