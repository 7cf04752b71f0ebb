package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written hop does the command hop's job: the records Eventline's hop writes for a PlaceOrder. */
class HandWrittenHopTest {
    @TempDir
    Path stateDir;

    @Test
    void shouldPlaceAnOrderAsTheOrdersDeciderDoes() throws IOException {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hand-written-hop-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(HandWrittenHop.topology("commands"), props)) {
            TestInputTopic<String, byte[]> commands = driver.createInputTopic("commands",
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, byte[]> events = driver.createOutputTopic(HandWrittenHop.EVENTS,
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            TestOutputTopic<String, byte[]> replies = driver.createOutputTopic(HandWrittenHop.REPLIES,
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            byte[] place = Orders.placeCommand("o-1", "c-1", "sku-1");

            commands.pipeInput("o-1", place);
            commands.pipeInput("o-1", place);
            commands.pipeInput("o-1", Orders.placeCommand("o-1", "c-2", "sku-1"));

            TestRecord<String, byte[]> placed = events.readRecord();
            EventEnvelope event = EnvelopeCodec.fromBytes(placed.value());
            EventEnvelope decided = EnvelopeCodec.fromBytes(Orders.placedEvent("o-1", "c-1", "sku-1"));
            assertThat(event.eventType()).isEqualTo("order.placed");
            assertThat(event.aggregateId()).isEqualTo("o-1");
            assertThat(event.data()).as("the data the orders decider writes").isEqualTo(decided.data());
            assertThat(new String(placed.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("order.placed");
            assertThat(events.isEmpty()).as("placed once").isTrue();
            JsonNode accepted = Json.readTree(replies.readValue());
            JsonNode again = Json.readTree(replies.readValue());
            JsonNode refused = Json.readTree(replies.readValue());
            assertThat(accepted.path("summary").path("status").asText()).isEqualTo("PLACED");
            assertThat(accepted.path("events").toString()).isEqualTo("[\"order.placed\"]");
            assertThat(again.path("rejection").isNull()).as("the same body again changes nothing").isTrue();
            assertThat(again.path("events").size()).isZero();
            assertThat(refused.path("rejection").path("code").asText()).as("another body").isEqualTo("order.exists");
        }
    }
}
