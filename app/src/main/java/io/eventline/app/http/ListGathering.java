package io.eventline.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import io.eventline.http.ApiException;
import io.eventline.http.ForwardedResponse;
import io.eventline.http.GetForwarder;
import io.eventline.http.OwnerUnreachableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Makes a list GET answer for every instance, as keyed GETs do for one key: the local handler answers
 * from this instance's partitions; then each other instance holding part of the store is asked the
 * same GET, marked forwarded so that it answers from its own partitions only, and the answers are
 * merged, sorted as the route sorts and cut to its limit. With one instance there is no one to ask and
 * nothing changes. An instance that does not answer makes the list a 503 rather than a silent half.
 */
final class ListGathering {
    /**
     * @param order how the route sorts its items, so that merged pages sort the same
     * @param limit the most items the route answers for this request
     */
    record GatheredList(KeyedStore store, Comparator<JsonNode> order, ToIntFunction<Context> limit) {
    }

    private final HostInfo self;
    private final GetForwarder forwarder;

    ListGathering(HostInfo self, GetForwarder forwarder) {
        this.self = self;
        this.forwarder = forwarder;
    }

    void register(RoutesConfig routes, String path, GatheredList list) {
        routes.after(path, ctx -> {
            if (!ctx.method().equals(HandlerType.GET) || ctx.status() != HttpStatus.OK
                    || ctx.header(GetForwarder.FORWARDED_HEADER) != null) {
                return;
            }
            List<HostInfo> others = othersHolding(list.store());
            if (!others.isEmpty()) {
                List<JsonNode> items = items(ctx.result() == null ? "[]" : ctx.result(), "this instance");
                items.addAll(fromOthers(ctx, others));
                items.sort(list.order());
                ctx.contentType("application/json")
                        .result(Json.write(items.subList(0, Math.min(items.size(), list.limit().applyAsInt(ctx)))));
            }
        });
    }

    /** The other instances that hold an active partition of the store now. */
    private List<HostInfo> othersHolding(KeyedStore store) {
        KafkaStreams streams = store.streams().get();
        try {
            return streams.streamsMetadataForStore(store.store().get()).stream()
                    .filter(metadata -> !metadata.topicPartitions().isEmpty())
                    .map(StreamsMetadata::hostInfo)
                    .filter(host -> host.port() >= 0 && !host.equals(self))
                    .distinct().toList();
        } catch (StreamsException | IllegalStateException e) {
            throw ApiException.unavailable("which instances hold " + store.store().get() + " is not known now ("
                    + e.getMessage() + "); retry");
        }
    }

    private List<JsonNode> fromOthers(Context ctx, List<HostInfo> others) throws InterruptedException {
        String pathAndQuery = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        List<JsonNode> items = new ArrayList<>();
        try (ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ForwardedResponse>> answers = others.stream()
                    .map(host -> asking.submit(() -> forwarder.get(host, pathAndQuery, ctx.headerMap()))).toList();
            for (int i = 0; i < others.size(); i++) {
                String instance = others.get(i).host() + ":" + others.get(i).port();
                ForwardedResponse answer = answer(answers.get(i), instance);
                if (answer.status() != HttpStatus.OK.getCode()) {
                    throw ApiException.unavailable("the instance at " + instance + " answered " + answer.status()
                            + " for its part of the list; retry");
                }
                items.addAll(items(new String(answer.body(), StandardCharsets.UTF_8), instance));
            }
        }
        return items;
    }

    private static ForwardedResponse answer(Future<ForwardedResponse> answer, String instance)
            throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OwnerUnreachableException) {
                throw ApiException.unavailable("the instance at " + instance + " holds part of the list and does "
                        + "not answer; retry");
            }
            throw new IllegalStateException("asking " + instance + " for its part of the list failed", e.getCause());
        }
    }

    private static List<JsonNode> items(String body, String instance) {
        try {
            JsonNode array = Json.readTree(body.getBytes(StandardCharsets.UTF_8));
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new IllegalStateException("the list from " + instance + " is not JSON", e);
        }
    }
}
