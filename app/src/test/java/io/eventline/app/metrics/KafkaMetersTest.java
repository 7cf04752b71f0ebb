package io.eventline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaMetersTest {
    private final MeterFilter filter = KafkaMeters.only(Set.of("kafka.stream.thread.process.total",
            "kafka.stream.failed.stream.threads.total"));

    @Test
    void shouldKeepOnlyTheListedKafkaMetersWhenFiltering() {
        assertThat(reply("kafka.stream.thread.process.total")).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("kafka.stream.failed.stream.threads")).as("a counter listed with .total")
                .isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("kafka.stream.task.process.total")).isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("kafka.consumer.fetch.manager.records.lag")).isEqualTo(MeterFilterReply.DENY);
    }

    @Test
    void shouldLeaveOtherMetersAloneWhenFiltering() {
        assertThat(reply("eventline.consumer.lag")).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("jvm.memory.used")).isEqualTo(MeterFilterReply.NEUTRAL);
    }

    private MeterFilterReply reply(String name) {
        return filter.accept(new Meter.Id(name, Tags.empty(), null, null, Meter.Type.GAUGE));
    }
}
