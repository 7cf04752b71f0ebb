package io.eventline.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/** {@code eventline_consumer_lag_records{group,topic,partition}}: one series per partition a group reads. */
final class LagMeters implements MeterBinder {
    private final ConsumerLag lag;
    private MultiGauge gauge;

    LagMeters(ConsumerLag lag) {
        this.lag = lag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge = MultiGauge.builder("eventline.consumer.lag")
                .description("Records a consumer group has yet to read: the partition's last stable offset less the"
                        + " group's committed offset")
                .baseUnit("records")
                .register(registry);
        FunctionCounter.builder("eventline.consumer.lag.read.failures", lag, ConsumerLag::failedOffsetReads)
                .description("Partitions whose offsets a lag read could not get (left out of that read; logged at WARN)")
                .register(registry);
    }

    void refresh() throws Exception {
        // Overwrite: a partition no longer read (a group gone) leaves the output with the refresh.
        gauge.register(lag.read().partitions().stream().<MultiGauge.Row<?>>map(p -> MultiGauge.Row.of(Tags.of("group", p.group(),
                "topic", p.partition().topic(), "partition", Integer.toString(p.partition().partition())), p.lag()))
                .toList(), true);
    }
}
