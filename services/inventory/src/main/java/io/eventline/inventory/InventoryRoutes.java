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
import io.eventline.core.http.ApiException;
import io.eventline.core.http.Instants;
import io.eventline.core.http.RequestBody;
import io.eventline.core.http.StoreReads;
import io.javalin.Javalin;
import io.javalin.http.Context;
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
    private final AggregateQueries<InventoryCommand, Stock, InventoryEvent> queries;

    public InventoryRoutes(CommandGateway<InventoryCommand> gateway,
                           AggregateQueries<InventoryCommand, Stock, InventoryEvent> queries) {
        this.gateway = gateway;
        this.queries = queries;
    }

    public void register(Javalin app) {
        app.post("/api/inventory/{sku}/stock", this::addStock);
        app.get("/api/inventory/{sku}", this::stock);
        app.get("/api/inventory/{sku}/events", this::events);
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
        Stock stock = Json.treeToValue(reply.state(), Stock.class);
        ctx.json(new InventoryView(sku, stock.available(), stock.reserved(), reply.version()));
    }

    private void stock(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
        Optional<Snapshot<Stock>> snapshot = StoreReads.read("inventory", () -> asOf == null
                ? queries.current(sku) : queries.asOf(sku, asOf));
        Snapshot<Stock> found = snapshot.orElseThrow(() -> ApiException.notFound(
                "sku " + sku + " has no event" + (asOf == null ? "" : " by " + asOf)));
        ctx.json(new InventoryView(sku, found.state().available(), found.state().reserved(), found.version()));
    }

    private void events(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        var events = StoreReads.read("inventory", () -> queries.events(sku));
        ctx.json(events.stream().map(EnvelopeCodec::toTree).toList());
    }
}
