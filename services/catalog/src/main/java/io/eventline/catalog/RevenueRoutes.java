package io.eventline.catalog;

import io.eventline.contracts.Money;
import io.eventline.core.envelope.Timestamps;
import io.eventline.http.ApiException;
import io.eventline.http.Instants;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@code GET /api/catalog/revenue[?from=T][&to=T]}: revenue per category and minute, the windows that
 * start within {@code [from, to]} (by default the hour up to now), ordered by category then window
 * start. Answers from this instance's partitions; the app merges the answers of every instance.
 */
public final class RevenueRoutes {
    /** The store the route reads, for the app to gather it from every instance. */
    public static final String STORE = CategoryRevenue.STORE;
    private static final Duration DEFAULT_SPAN = Duration.ofHours(1);

    /** One category's figures in one window; the window is {@code [windowStart, windowEnd)}. */
    record Row(String category, String windowStart, String windowEnd, long units, long lines,
               SortedMap<String, Money> revenue) {
    }

    private final KafkaStreams streams;
    private final Clock clock;

    public RevenueRoutes(KafkaStreams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalog/revenue", this::revenue);
    }

    private void revenue(Context ctx) {
        Instant to = Instants.optional("to", ctx.queryParam("to"));
        Instant end = to == null ? clock.instant() : to;
        Instant from = Instants.optional("from", ctx.queryParam("from"));
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from", "must not be after to (" + end + ")");
        }
        try {
            ctx.json(rows(start, end));
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the catalog's revenue store is not ready (restoring or rebalancing); retry");
        }
    }

    private List<Row> rows(Instant from, Instant to) {
        ReadOnlyWindowStore<String, CategoryFigures> store = streams.store(StoreQueryParameters.fromNameAndType(
                CategoryRevenue.STORE, QueryableStoreTypes.<String, CategoryFigures>windowStore()));
        List<Row> rows = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, CategoryFigures> all = store.fetchAll(from, to)) {
            all.forEachRemaining(entry -> {
                Instant windowStart = entry.key.window().startTime();
                rows.add(new Row(entry.key.key(), Timestamps.format(windowStart),
                        Timestamps.format(windowStart.plus(CategoryRevenue.WINDOW)), entry.value.units(),
                        entry.value.lines(), entry.value.revenue()));
            });
        }
        // Timestamps.format is fixed-width ISO-8601, so its strings sort as the instants do.
        rows.sort(Comparator.comparing(Row::category).thenComparing(Row::windowStart));
        return rows;
    }
}
