package io.eventline.catalog;

import io.eventline.contracts.Money;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.catalog.ProductUpdated;
import io.eventline.contracts.catalog.SaleRecorded;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One line of a shipped order on its way to the catalog join, and what it becomes there. Its
 * identity ({@code shippedEventId}, {@code index}) names the sale's event, so a line joined again
 * after a crash yields the same event id.
 */
record ShippedLine(String shippedEventId, int index, String correlationId, String orderId, String sku, int quantity,
                   Money revenue, String currency, String at) {

    /** The lines of an {@code order.shipped} envelope; none for any other event of {@code orders.events}. */
    static List<ShippedLine> of(byte[] value) {
        EventEnvelope envelope = EnvelopeCodec.fromBytes(value);
        if (!envelope.eventType().equals("order.shipped")) {
            return List.of();
        }
        OrderShipped shipped = (OrderShipped) OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(),
                envelope.data());
        List<ShippedLine> lines = new ArrayList<>();
        for (int i = 0; i < shipped.items().size(); i++) {
            OrderLine line = shipped.items().get(i);
            lines.add(new ShippedLine(envelope.eventId().toString(), i, envelope.metadata().correlationId(),
                    shipped.orderId(), line.sku(), line.quantity(), line.lineTotal(), shipped.currency(),
                    Timestamps.format(envelope.timestamp())));
        }
        return lines;
    }

    byte[] toBytes() {
        return Json.write(this);
    }

    static ShippedLine fromBytes(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, ShippedLine.class);
        } catch (IOException e) {
            throw new MalformedMessageException("not a shipped line: " + e.getMessage(), e);
        }
    }

    /** The sale, with the product as the catalog has it now, or marked uncatalogued when it has none. */
    EventEnvelope sale(ProductUpdated product) {
        SaleRecorded sale = new SaleRecorded(sku, product == null ? sku : product.name(),
                product == null ? SaleRecorded.UNCATALOGUED : product.category(), quantity, revenue, currency,
                orderId, at);
        UUID eventId = UUID.nameUUIDFromBytes(("sale:" + shippedEventId + ":" + index).getBytes(StandardCharsets.UTF_8));
        var type = CatalogContracts.SALES.typeOf(sale);
        return new EventEnvelope(eventId, type.name(), type.currentVersion(), Timestamps.parse(at), sku,
                CatalogContracts.SALES.encode(sale), new EventMetadata(correlationId, shippedEventId, ProductEvents.SOURCE));
    }
}
