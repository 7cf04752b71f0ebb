package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SharedProducerTest {
    @Test
    void requestHandlersWithTheSameClientSettingsShareOneProducerThatTheLastOneCloses() {
        Producer<String, byte[]> gateway = SharedProducer.forRequests(Map.of("bootstrap.servers", "127.0.0.3:1",
                "client.id", "orders-gateway"));
        Producer<String, byte[]> customers = SharedProducer.forRequests(Map.of("bootstrap.servers", "127.0.0.3:1"));
        Producer<String, byte[]> elsewhere = SharedProducer.forRequests(Map.of("bootstrap.servers", "127.0.0.4:1"));
        try {
            assertThat(customers).isSameAs(gateway).isNotSameAs(elsewhere);
            assertThat(((SharedProducer) gateway).leases()).isEqualTo(2);
            gateway.close();
            assertThat(((SharedProducer) customers).leases()).isEqualTo(1);
            customers.close();
            assertThatThrownBy(() -> customers.send(new ProducerRecord<>("t", "k", new byte[0])))
                    .as("closed with its last lease").isInstanceOf(IllegalStateException.class);
        } finally {
            elsewhere.close();
        }
    }
}
