package io.eventline.inventory;

import io.eventline.contracts.inventory.AddStock;
import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.Json;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.http.AggregateRoutes;
import io.eventline.http.AggregateRoutes.Addressed;
import io.eventline.http.RequestBody;
import java.util.Set;

/**
 * The inventory endpoints of docs/api.md: adding stock through the command topic, answered from the
 * decider's reply; a sku's stock now from its read model, as of a time and its events from the
 * aggregate's stores.
 */
public final class InventoryRoutes {
    private static final int MAX_QUANTITY = 1_000_000;

    private InventoryRoutes() {
    }

    /**
     * @param stores the service's own stores: the aggregate's events and its state as of a time
     * @param view the read model of its current state, which answers {@code GET} without {@code asOf}
     */
    public static AggregateRoutes<InventoryCommand, Stock, InventoryEvent> of(CommandGateway<InventoryCommand> gateway,
            StoreProvider stores, ProjectionRunner<Stock> view) {
        var routes = new AggregateRoutes<>("sku", "inventory", gateway,
                new AggregateQueries<>(InventoryService.AGGREGATE, stores));
        return routes
                .command("/api/inventory/{sku}/stock", ctx -> {
                    String sku = routes.id(ctx);
                    RequestBody body = RequestBody.parse(ctx.bodyAsBytes(), Set.of("quantity"));
                    return new Addressed<>(sku, new AddStock(sku, body.integer("quantity", 1, MAX_QUANTITY)));
                }, (ctx, sku, reply) -> {
                    Stock stock = Json.treeToValue(reply.summary(), Stock.class);
                    ctx.json(new InventoryView(sku, stock.available(), stock.reserved(), reply.version()));
                })
                .state("/api/inventory/{sku}", "sku", view,
                        (sku, then) -> new InventoryView(sku, then.state().available(), then.state().reserved(),
                                then.version()),
                        (sku, now) -> new InventoryView(sku, now.view().available(), now.view().reserved(),
                                now.version()))
                .events("/api/inventory/{sku}/events");
    }
}
