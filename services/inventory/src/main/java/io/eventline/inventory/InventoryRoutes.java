package io.eventline.inventory;

import io.eventline.contracts.inventory.AddStock;
import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.Reply;
import io.eventline.core.decider.Snapshot;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.Json;
import io.eventline.core.projection.Projected;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.query.StoreReads;
import io.eventline.http.ApiException;
import io.eventline.http.Instants;
import io.eventline.http.MinVersion;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The inventory endpoints of API.md. Adding stock goes through the command topic and waits for the
 * decider's reply; reads come from the aggregate's stores. Handlers block on the reply: Javalin runs
 * them on virtual threads.
 */
public final class InventoryRoutes {
    private static final int MAX_QUANTITY = 1_000_000;

    private final CommandGateway<InventoryCommand> gateway;
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final AggregateQueries<InventoryCommand, Stock, InventoryEvent> queries;
    private final ProjectionRunner<Stock> view;

    /**
     * @param queries the aggregate's own stores: its events and its state as of a time
     * @param view the read model of its current state, which answers {@code GET} without {@code asOf}
     */
    public InventoryRoutes(CommandGateway<InventoryCommand> gateway,
                         AggregateQueries<InventoryCommand, Stock, InventoryEvent> queries, ProjectionRunner<Stock> view) {
        this.gateway = gateway;
        this.queries = queries;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/inventory/{sku}/stock", this::addStock);
        routes.get("/api/inventory/{sku}", this::stock);
        routes.get("/api/inventory/{sku}/events", this::events);
    }

    private void addStock(Context ctx) throws InterruptedException {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        RequestBody body = RequestBody.parse(ctx.bodyAsBytes(), Set.of("quantity"));
        int quantity = body.integer("quantity", 1, MAX_QUANTITY);
        String correlationId = Optional.ofNullable(ctx.header("X-Correlation-Id")).orElse(UUID.randomUUID().toString());
        Reply reply = gateway.request(sku, new AddStock(sku, quantity), correlationId);
        if (!reply.accepted()) {
            throw ApiException.conflict(reply.rejection().field(), reply.rejection().message());
        }
        Stock stock = Json.treeToValue(reply.summary(), Stock.class);
        ctx.json(new InventoryView(sku, stock.available(), stock.reserved(), reply.version()));
    }

    /** Now from the read model (held until {@code minVersion} if asked), or as of a time from the history. */
    private void stock(Context ctx) throws InterruptedException {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
        long minVersion = MinVersion.of(ctx.queryParam("minVersion")); // checked even when asOf makes it moot
        if (asOf != null) {
            Snapshot<Stock> then = StoreReads.read("inventory", () -> queries.asOf(sku, asOf)).orElseThrow(
                    () -> ApiException.notFound("sku " + sku + " has no event by " + asOf));
            ctx.json(new InventoryView(sku, then.state().available(), then.state().reserved(), then.version()));
            return;
        }
        Projected<Stock> found = view.await(sku, minVersion, READ_YOUR_WRITES)
                .orElseThrow(() -> ApiException.notFound("sku " + sku + " has no event"));
        ctx.json(new InventoryView(sku, found.view().available(), found.view().reserved(), found.version()));
    }

    private void events(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        var events = StoreReads.read("inventory", () -> queries.events(sku));
        ctx.json(events.stream().map(EnvelopeCodec::toTree).toList());
    }
}
