package io.eventline.app.tracing;

import io.eventline.core.tracing.HopStamp;
import io.eventline.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /api/traces?orderId=ID}: an order's hops as its records' trace headers tell them (see
 * {@link OrderTrace}), for the console's timeline and for anyone without a tracing backend:
 * {@code {orderId, traceId, totalMs, scanned, truncated, hops: [{spanId, parentSpanId, service, step,
 * read, waitedMs, processingMs, receivedAt, sentAt, records: [{topic, partition, offset, type}]}]}},
 * one hop per span, in the order they wrote. 404 when the order or its trace is not found; a search
 * reads at most {@value OrderTrace#MAX_RECORDS} records, and {@value #CONCURRENT} run at once (503 beyond).
 */
public final class TraceRoutes {
    static final int CONCURRENT = 4;

    private final Map<String, Object> clientSettings;
    private final List<String> topics;
    private final Semaphore searches = new Semaphore(CONCURRENT);

    /** @param topics the topics hops write: commands, events, replies */
    public TraceRoutes(Map<String, Object> clientSettings, List<String> topics) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.topics = List.copyOf(topics);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/traces", this::orderTrace);
    }

    private void orderTrace(Context ctx) {
        String orderId = ctx.queryParam("orderId");
        if (orderId == null || orderId.isBlank()) {
            throw ApiException.badRequest("orderId", "required: the order whose trace to show");
        }
        if (!searches.tryAcquire()) {
            ctx.header("Retry-After", "1");
            throw ApiException.unavailable("already " + CONCURRENT + " trace searches under way; try again");
        }
        try {
            ctx.json(view(OrderTrace.of(orderId, clientSettings, topics)));
        } catch (OrderTrace.NotTraced e) {
            throw ApiException.notFound(e.getMessage());
        } finally {
            searches.release();
        }
    }

    static Map<String, Object> view(OrderTrace.Found found) {
        // One hop per span: a decider writes its events and its reply in one hop.
        Map<String, List<TracedRecord>> bySpan = new LinkedHashMap<>();
        found.records().forEach(record ->
                bySpan.computeIfAbsent(record.context().spanId(), span -> new ArrayList<>()).add(record));
        List<Map<String, Object>> hops = bySpan.values().stream().map(TraceRoutes::hop).toList();
        List<HopStamp> stamps = found.records().stream().flatMap(record -> record.hop().stream()).toList();
        Long first = stamps.stream().map(stamp -> stamp.receivedMicros() - Math.max(0, stamp.waitedMicros()))
                .min(Long::compare).orElse(null);
        Long last = stamps.stream().map(HopStamp::sentMicros).max(Long::compare).orElse(null);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", found.orderId());
        view.put("traceId", found.traceId());
        view.put("totalMs", first == null ? null : ms(last - first));
        view.put("scanned", found.scanned());
        view.put("truncated", found.truncated());
        view.put("hops", hops);
        return view;
    }

    private static Map<String, Object> hop(List<TracedRecord> records) {
        TracedRecord first = records.getFirst();
        HopStamp stamp = first.hop().orElse(null);
        long sent = records.stream().flatMap(record -> record.hop().stream()).mapToLong(HopStamp::sentMicros)
                .max().orElse(0);
        Map<String, Object> hop = new LinkedHashMap<>();
        hop.put("spanId", first.context().spanId());
        hop.put("parentSpanId", stamp == null || stamp.startedTrace() ? null : stamp.parentSpanId());
        hop.put("service", stamp == null ? null : stamp.service());
        hop.put("step", stamp == null ? null : stamp.step());
        hop.put("read", stamp == null ? null : stamp.read());
        hop.put("waitedMs", stamp == null || stamp.waitedMicros() < 0 ? null : ms(stamp.waitedMicros()));
        hop.put("processingMs", stamp == null ? null : ms(sent - stamp.receivedMicros()));
        hop.put("receivedAt", stamp == null ? null : at(stamp.receivedMicros()));
        hop.put("sentAt", stamp == null ? null : at(sent));
        hop.put("records", records.stream().map(record -> Map.<String, Object>of("topic", record.topic(),
                "partition", record.partition(), "offset", record.offset(), "type", record.type())).toList());
        return hop;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    // Microseconds, as the stamps have them: a hop often takes less than a millisecond.
    private static String at(long micros) {
        return DateTimeFormatter.ISO_INSTANT.format(
                Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
    }
}
