package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.query.RecencyIndex;
import io.eventline.core.testing.CountingStore;
import io.eventline.core.testing.TestEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/notifications} reads its page of the list of messages, not every message. */
class NotificationIndexTest {
    @TempDir
    Path mailDir;

    @Test
    void shouldReadOnlyTheNewestPageOfTheListWhenManyMessagesWereSent() {
        try (TopologyTestDriver driver = NotificationsTopologyTest.driver(Mailer.files(mailDir))) {
            TestInputTopic<String, byte[]> orders = driver.createInputTopic(OrderContracts.TOPIC,
                    new StringSerializer(), new ByteArraySerializer());
            driver.createInputTopic(CustomerContracts.TOPIC, new StringSerializer(), new ByteArraySerializer())
                    .pipeInput("alice", NotificationsTopologyTest.customer("alice", "alice@example.com"));
            for (int i = 0; i < 200; i++) {
                String orderId = "o-" + i;
                orders.pipeInput(orderId, NotificationsTopologyTest.order(orderId, new OrderShipped(orderId, "alice",
                        NotificationsTopologyTest.ITEMS, "EUR", new Money(2050))));
                driver.advanceWallClockTime(Duration.ofMillis(1));
            }
            List<CountingStore> list = new ArrayList<>();
            List<CountingStore> perOrder = new ArrayList<>();
            NotificationLog log = new NotificationLog(
                    new AggregateQueries<>(NotificationsService.AGGREGATE, store -> counted(driver, store, perOrder)),
                    store -> List.of(counted(driver, store, list)));

            assertThat(log.newest(5)).extracting(NotificationView::orderId)
                    .containsExactly("o-199", "o-198", "o-197", "o-196", "o-195");
            // 5 entries of the list and the one behind them, of 200
            assertThat(list.stream().mapToInt(CountingStore::read).sum()).isLessThanOrEqualTo(5 + 1);
            // then each of the 5 orders: its one message, and its snapshot's version (the history caught up)
            assertThat(perOrder.stream().mapToInt(CountingStore::read).sum()).isLessThanOrEqualTo(5 * 2);
        }
    }

    @Test
    void shouldListEveryMessageOfTheHistoryAfreshWhenItsTaskStartsWhateverTheListHeld() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        TimestampedKeyValueStore<String, byte[]> history = Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(NotificationsService.AGGREGATE.historyStore()), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        KeyValueStore<String, byte[]> index = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(NotificationsService.BY_TIME_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        history.init(context.getStateStoreContext(), history);
        index.init(context.getStateStoreContext(), index);
        context.addStateStore(history);
        context.addStateStore(index);
        IntStream.range(0, 3).forEach(i -> history.put("o-" + i + "/1", ValueAndTimestamp.make(TestEvents.envelope(
                NotificationContracts.EVENTS, "o-" + i, new NotificationSent("o-" + i, "alice", "SHIPPED", null,
                        "alice@example.com", "Your order o-" + i + " has shipped"),
                NotificationsTopologyTest.T0.plusSeconds(i)), 0L)));
        // an entry left on disk from another time (the list has no changelog), of a message not in this history
        RecencyIndex.put(index, List.of(NotificationIndexer.ALL), NotificationsTopologyTest.T0.plusSeconds(9), "o-gone");

        new NotificationIndexer().init(context);
        context.scheduledPunctuators().getFirst().getPunctuator().punctuate(0);

        assertThat(RecencyIndex.newest(List.of(index), NotificationIndexer.ALL, 10))
                .containsExactly("o-2", "o-1", "o-0");
    }

    private static CountingStore counted(TopologyTestDriver driver, String store, List<CountingStore> read) {
        CountingStore counting = new CountingStore(driver.getKeyValueStore(store));
        read.add(counting);
        return counting;
    }
}
