package io.eventline.shipping;

import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.contracts.shipments.ShipmentEvent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.Snapshot;
import io.eventline.core.query.StoreReads;
import io.eventline.http.ApiException;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The shipments endpoint of docs/api.md, read from the aggregate's own snapshot store. */
public final class ShipmentRoutes {
    private final AggregateQueries<ShipmentCommand, Shipment, ShipmentEvent> queries;

    public ShipmentRoutes(AggregateQueries<ShipmentCommand, Shipment, ShipmentEvent> queries) {
        this.queries = queries;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/shipments/{orderId}", this::shipment);
    }

    private void shipment(Context ctx) {
        String orderId = RequestBody.id("orderId", ctx.pathParam("orderId"));
        Snapshot<Shipment> found = StoreReads.read("shipments", () -> queries.current(orderId))
                .orElseThrow(() -> ApiException.notFound("shipping never saw order " + orderId));
        ctx.json(ShipmentView.of(orderId, found.state()));
    }
}
