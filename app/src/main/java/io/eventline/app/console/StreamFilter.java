package io.eventline.app.console;

import io.eventline.http.ApiException;
import io.eventline.http.RequestBody;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Which events a client of {@code /api/stream} wants: {@code ?topic=} (repeatable; default every
 * event topic) and {@code ?orderId=}, which keeps an order's whole chain: the records keyed by it
 * ({@code orders.events}, {@code shipments.events}, …) and those whose {@code correlationId} header
 * names it (payments, stock), read from the headers without parsing the value.
 */
record StreamFilter(Set<String> topics, String orderId) {
    StreamFilter {
        topics = Set.copyOf(topics);
    }

    /** @param streamed the topics the stream can read: a topic outside them is a 400 naming it */
    static StreamFilter of(Context ctx, Set<String> streamed) {
        List<String> asked = ctx.queryParams("topic");
        for (String topic : asked) {
            if (!streamed.contains(topic)) {
                throw ApiException.badRequest("topic", "one of " + String.join(", ", new TreeSet<>(streamed)));
            }
        }
        String orderId = ctx.queryParam("orderId");
        if (orderId != null) {
            RequestBody.id("orderId", orderId);
        }
        return new StreamFilter(asked.isEmpty() ? streamed : Set.copyOf(asked), orderId);
    }

    boolean matches(ConsumerRecord<String, byte[]> record) {
        if (!topics.contains(record.topic())) {
            return false;
        }
        if (orderId == null || orderId.equals(record.key())) {
            return true;
        }
        Header correlation = record.headers().lastHeader("correlationId");
        return correlation != null && orderId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
    }
}
