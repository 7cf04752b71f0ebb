package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventline.core.tracing.HopStamp;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class LoadedHopsTest {
    @Test
    void shouldTimeEachStepFromItsStampsCountingAHopThatWroteSeveralRecordsOnce() {
        LoadedHops hops = new LoadedHops();
        // orders-decide: two inputs, each waited 40 / 60 ms and took 1 / 3 ms; the first wrote an event and a reply.
        HopStamp first = stamp("orders-decide", "orders.commands", "a1", 40_000, 1_000_000, 1_001_000);
        hops.accept(record("orders.events", first));
        hops.accept(record("orders.replies", first));
        hops.accept(record("orders.events", stamp("orders-decide", "orders.commands", "a2", 60_000, 2_000_000,
                2_003_000)));
        // A reaction whose cause's write time was not known: handled counts, waited does not.
        hops.accept(record("accounts.commands", stamp("payment", "orders.events", "b1", -1, 3_000_000, 3_000_500)));

        assertThat(hops.steps()).hasSize(2);
        LoadedHops.Step decide = hops.steps().getFirst();
        assertThat(decide.step()).isEqualTo("orders-decide");
        assertThat(decide.read()).isEqualTo("orders.commands");
        assertThat(decide.hops()).as("the event and the reply of one hop count once").isEqualTo(2);
        assertThat(decide.waitedP50()).isCloseTo(40, within(0.1));
        assertThat(decide.waitedP99()).isCloseTo(60, within(0.1));
        assertThat(decide.handledP50()).isCloseTo(1, within(0.01));
        assertThat(decide.handledP99()).isCloseTo(3, within(0.01));
        LoadedHops.Step payment = hops.steps().get(1);
        assertThat(payment.hops()).isEqualTo(1);
        assertThat(payment.waitedP50()).isNaN();
        assertThat(payment.handledP50()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void shouldLeaveOutStoresAndRepartitionTopicsAndRecordsWithoutAStamp() {
        LoadedHops hops = new LoadedHops();
        HopStamp stamp = stamp("fraud", "orders.events", "c1", 10_000, 1_000, 2_000);
        hops.accept(record("eventline-fraud-fraud-orders-by-time-changelog", stamp));
        hops.accept(record("eventline-fraud-fraud-by-customer-repartition", stamp));
        hops.accept(new ConsumerRecord<>("orders.events", 0, 0, "k", new byte[0]));

        assertThat(hops.steps()).isEmpty();
    }

    private static HopStamp stamp(String step, String read, String parent, long waited, long received, long sent) {
        return new HopStamp("svc", step, read, parent, waited, received, sent);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, HopStamp stamp) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0, "k", new byte[0]);
        record.headers().add(HopStamp.HEADER, stamp.header().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
