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
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

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
        Reply reply = await(sku, new AddStock(sku, quantity), ctx.header("X-Correlation-Id"));
        if (!reply.accepted()) {
            throw ApiException.conflict(reply.rejection().field(), reply.rejection().message());
        }
        Stock stock = Json.treeToValue(reply.state(), Stock.class);
        ctx.json(new InventoryView(sku, stock.available(), stock.reserved(), reply.version()));
    }

    private Reply await(String sku, InventoryCommand command, String correlationId) throws InterruptedException {
        String correlation = correlationId == null ? UUID.randomUUID().toString() : correlationId;
        try {
            return gateway.send(sku, command, correlation).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw ApiException.unavailable("the inventory service did not answer in time; the command is in "
                        + "the log and will be applied when it does");
            }
            throw ApiException.unavailable("the command could not be sent to Kafka: " + e.getCause().getMessage());
        }
    }

    private void stock(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
        Optional<Snapshot<Stock>> snapshot = readStores(() -> asOf == null
                ? queries.current(sku) : queries.asOf(sku, asOf));
        Snapshot<Stock> found = snapshot.orElseThrow(() -> ApiException.notFound(
                "sku " + sku + " has no event" + (asOf == null ? "" : " by " + asOf)));
        ctx.json(new InventoryView(sku, found.state().available(), found.state().reserved(), found.version()));
    }

    private void events(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        var events = readStores(() -> queries.events(sku));
        ctx.json(events.stream().map(EnvelopeCodec::toTree).toList());
    }

    private static <T> T readStores(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the inventory store is not ready (restoring or rebalancing); retry");
        }
    }
}
