package io.eventline.customers;

import static io.eventline.customers.CustomerWriterTest.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.core.kafka.Sources;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the writer sends, piped through the service's table: the reads see puts and deletes. */
class CustomersTopologyTest {
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final CustomerWriter writer = new CustomerWriter(producer, Clock.systemUTC());
    final TopologyTestDriver driver = driver();
    final TestInputTopic<String, byte[]> customers = driver.createInputTopic(
            CustomerContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
    final CustomerReads reads = new CustomerReads(driver::getKeyValueStore);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldFindTheCustomerWhenItWasPut() {
        writer.put(ALICE, "corr-1");
        pipeWrites();

        assertThat(reads.find("alice")).contains(ALICE);
        assertThat(reads.find("bob")).isEmpty();
    }

    @Test
    void shouldFindTheLatestCustomerWhenItWasPutAgain() {
        CustomerUpdated moved = new CustomerUpdated("alice", "Alice", "alice@example.org",
                new Address("2 High St", "Shelbyville", "54321", "GB"));
        writer.put(ALICE, "corr-1");
        writer.put(moved, "corr-2");
        pipeWrites();

        assertThat(reads.find("alice")).contains(moved);
    }

    @Test
    void shouldForgetTheCustomerWhenATombstoneDeletesIt() {
        writer.put(ALICE, "corr-1");
        writer.delete("alice");
        pipeWrites();

        assertThat(reads.find("alice")).isEmpty();
        assertThat(driver.getKeyValueStore(CustomersService.STORE).get("alice")).isNull();
    }

    private void pipeWrites() {
        for (ProducerRecord<String, byte[]> record : producer.history()) {
            customers.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
        }
        producer.clear();
    }

    private static TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        CustomersService.addTo(new Sources(builder));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-customers");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new TopologyTestDriver(builder.build(props), props);
    }
}
