package io.eventline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.inventory.AddStock;
import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.inventory.ReleaseStock;
import io.eventline.contracts.inventory.ReserveStock;
import io.eventline.contracts.inventory.ShipStock;
import io.eventline.core.decider.Reply;
import io.eventline.core.envelope.Json;
import io.eventline.core.testing.DeciderDriver;
import io.eventline.inventory.Stock.Reservation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decider runtime keeps each order's reservation apart from the sku's snapshot, and still acts once. */
class ReservationEntriesTest {
    static final Instant T1 = Instant.parse("2026-11-23T10:00:00.000Z");

    final DeciderDriver<InventoryCommand, Stock, InventoryEvent> driver =
            new DeciderDriver<>(InventoryService.AGGREGATE);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldReserveReleaseAndShipOncePerOrderWhenManyOrdersCameBetween() throws Exception {
        driver.send("sku", new AddStock("sku", 100), T1);
        for (int order = 1; order <= 20; order++) {
            driver.send("sku", new ReserveStock("sku", "o-" + order, 2), T1);
        }

        assertThat(driver.send("sku", new ReserveStock("sku", "o-1", 2), T1).events()).isEmpty();
        assertThat(driver.send("sku", new ReleaseStock("sku", "o-2"), T1).events()).containsExactly("stock.released");
        assertThat(driver.send("sku", new ShipStock("sku", "o-3"), T1).events()).containsExactly("stock.shipped");
        assertThat(driver.send("sku", new ShipStock("sku", "o-2"), T1).events()).isEmpty();
        Reply last = driver.send("sku", new ReleaseStock("sku", "o-3"), T1);

        assertThat(last.events()).isEmpty();
        assertThat(Json.treeToValue(last.summary(), Stock.class)).isEqualTo(new Stock(62, 36, Map.of()));
        assertThat(Json.readTree(driver.store("inventory-snapshots").get("sku")).at("/state/orders").size()).isZero();
        assertThat(driver.queries().current("sku").orElseThrow().state().orders()).hasSize(20)
                .containsEntry("o-3", new Reservation(2, Reservation.Status.SHIPPED));
    }
}
