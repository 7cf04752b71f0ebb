package io.eventline.app.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.tracing.HopStamp;
import io.eventline.core.tracing.TraceParent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads committed records of some topics for a search, with a budget: at most {@code maxRecords}
 * read in all, so one request can never read a whole log. No group: partitions are assigned, nothing
 * is committed. One per search, closed after it.
 */
final class TopicScan implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, byte[]> consumer;
    private final int maxRecords;
    private int scanned;

    TopicScan(Map<String, Object> clientSettings, int maxRecords) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventline-trace-search");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.maxRecords = maxRecords;
    }

    int scanned() {
        return scanned;
    }

    boolean exhausted() {
        return scanned >= maxRecords;
    }

    /** The partition a key's records are on: what Kafka's producers and Kafka Streams choose. */
    TopicPartition partitionOf(String topic, String key) {
        int partitions = consumer.partitionsFor(topic).size();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return new TopicPartition(topic, org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(bytes)) % partitions);
    }

    /**
     * The records of one partition with {@code key}, newest chunks first, until {@code enough} says the
     * records found so far (oldest first) suffice, or the budget is spent.
     */
    List<ConsumerRecord<String, byte[]>> newestOfKey(TopicPartition partition, String key, int chunk,
                                                     Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        consumer.assign(List.of(partition));
        long start = consumer.beginningOffsets(List.of(partition)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        for (long upTo = end; upTo > start && !exhausted(); upTo = Math.max(start, upTo - chunk)) {
            long from = Math.max(start, upTo - chunk);
            List<ConsumerRecord<String, byte[]>> inChunk = new ArrayList<>();
            consumer.seek(partition, from);
            while (consumer.position(partition) < upTo && !exhausted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                    scanned++;
                    if (record.offset() < upTo && key.equals(record.key())) {
                        inChunk.add(record);
                    }
                }
            }
            found.addAll(0, inChunk);
            if (enough.test(found)) {
                break;
            }
        }
        return found;
    }

    /**
     * The records of {@code topics} with timestamps in {@code [fromMs, toMs]} that belong to trace
     * {@code traceId}. A partition is read from the first record at {@code fromMs} until its end or
     * a record after {@code toMs}.
     */
    List<TracedRecord> ofTrace(List<String> topics, String traceId, long fromMs, long toMs) {
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> at = new HashMap<>();
        partitions.forEach(partition -> at.put(partition, fromMs));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at);
        Set<TopicPartition> open = new HashSet<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = starts.get(partition);
            if (offset != null && offset.offset() < ends.get(partition)) {
                consumer.seek(partition, offset.offset());
                open.add(partition);
            }
        }
        consumer.pause(partitions.stream().filter(partition -> !open.contains(partition)).toList());
        List<TracedRecord> found = new ArrayList<>();
        while (!open.isEmpty() && !exhausted()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (!open.contains(partition)) {
                    continue;
                }
                scanned++;
                if (record.timestamp() > toMs || record.offset() + 1 >= ends.get(partition)) {
                    open.remove(partition);
                    consumer.pause(List.of(partition));
                }
                if (record.timestamp() <= toMs) {
                    traced(record).filter(traced -> traced.context().traceId().equals(traceId)).ifPresent(found::add);
                }
            }
            // A partition whose last records were aborted transactions' ends before its end offset.
            open.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
        }
        return found;
    }

    /** The record as a trace sees it, if it carries a trace context. */
    static Optional<TracedRecord> traced(ConsumerRecord<String, byte[]> record) {
        return TraceParent.parse(text(record, TraceParent.HEADER)).map(context -> new TracedRecord(record.topic(),
                record.partition(), record.offset(), record.key(), record.timestamp(), type(record), context,
                HopStamp.parse(text(record, HopStamp.HEADER))));
    }

    // An event names its type in a header; a command in its envelope; a reply has neither.
    private static String type(ConsumerRecord<String, byte[]> record) {
        String eventType = text(record, "eventType");
        if (eventType != null) {
            return eventType;
        }
        try {
            JsonNode value = record.value() == null ? null : Json.mapper().readTree(record.value());
            return value != null && value.hasNonNull("commandType") ? value.get("commandType").asText() : "reply";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    static String text(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
