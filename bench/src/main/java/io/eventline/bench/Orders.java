package io.eventline.bench;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The orders every phase sends: one line of one unit at 1.00 EUR, as a {@code PlaceOrder} command in
 * its envelope (as {@code CommandGateway} writes it) or as the {@code order.placed} event it causes
 * (as the decider runtime writes it). Their sizes are the record sizes of the raw baselines.
 */
final class Orders {
    static final Money PRICE = Money.of(new BigDecimal("1.00"));
    static final String CURRENCY = "EUR";

    private Orders() {
    }

    static String id(String run, long index) {
        return String.format("%s-%09d", run, index);
    }

    static PlaceOrder place(String orderId, String customerId, String sku) {
        return new PlaceOrder(orderId, customerId, List.of(new OrderLine(sku, 1, PRICE)), CURRENCY);
    }

    /** The {@code order.placed} envelope the orders decider appends for {@link #place}. */
    static byte[] placedEvent(String orderId, String customerId, String sku) {
        String commandId = UUID.randomUUID().toString();
        OrderPlaced placed = new OrderPlaced(orderId, customerId, List.of(new OrderLine(sku, 1, PRICE)), CURRENCY,
                PRICE);
        EventEnvelope envelope = new EventEnvelope(
                UUID.nameUUIDFromBytes((commandId + "/0").getBytes(StandardCharsets.UTF_8)), "order.placed",
                OrderContracts.EVENTS.typeOf(placed).currentVersion(), Instant.now(), orderId,
                OrderContracts.EVENTS.encode(placed), new EventMetadata(orderId, commandId, OrderContracts.NAME));
        return EnvelopeCodec.toBytes(envelope);
    }

    /** The command envelope {@code CommandGateway} sends for {@link #place}. */
    static byte[] placeCommand(String orderId, String customerId, String sku) {
        PlaceOrder command = place(orderId, customerId, sku);
        String commandId = UUID.randomUUID().toString();
        var type = OrderContracts.COMMANDS.typeOf(command);
        return Json.write(new CommandEnvelope(commandId, type.name(), type.currentVersion(), orderId,
                OrderContracts.COMMANDS.encode(command), new EventMetadata(orderId, commandId, "api")));
    }
}
