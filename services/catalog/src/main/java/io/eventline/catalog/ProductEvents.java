package io.eventline.catalog;

import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.catalog.ProductUpdated;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The envelope of a row change, a function of the change alone: its id derives from the sku and the
 * change's log position, its time is the commit's, its correlation id the PostgreSQL transaction's.
 * So a change that Debezium delivers twice becomes the same event twice, byte for byte, and readers
 * that keep event ids see one event.
 */
final class ProductEvents {
    static final String SOURCE = "catalog";

    private ProductEvents() {
    }

    static EventEnvelope envelope(RowChange change, ProductUpdated product) {
        UUID eventId = uuid("product:" + change.sku() + "@" + change.lsn());
        var type = CatalogContracts.EVENTS.typeOf(product);
        return new EventEnvelope(eventId, type.name(), type.currentVersion(),
                Timestamps.ofEpochMilli(change.committedAt()), change.sku(), CatalogContracts.EVENTS.encode(product),
                new EventMetadata(uuid("postgres-transaction:" + change.txId()).toString(), eventId.toString(), SOURCE));
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
