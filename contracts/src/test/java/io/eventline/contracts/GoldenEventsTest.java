package io.eventline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.testing.GoldenEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type and version ever written stays readable: the contract of docs/api.md, held by files. */
class GoldenEventsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static List<Catalogue<?>> catalogues() {
        return List.of(AccountContracts.EVENTS, CustomerContracts.EVENTS, OrderContracts.EVENTS,
                InventoryContracts.EVENTS, ShipmentContracts.EVENTS, NotificationContracts.EVENTS,
                CatalogContracts.EVENTS, CatalogContracts.SALES);
    }

    @ParameterizedTest
    @MethodSource("catalogues")
    void shouldReadEveryVersionOfEveryEventType(Catalogue<?> catalogue) {
        GoldenEvents.verify(catalogue, GOLDEN, catalogues());
    }

    @Test
    void shouldReadMoneyExactlyFromTheWire() throws IOException {
        var envelope = EnvelopeCodec.fromBytes(Files.readAllBytes(GOLDEN.resolve("account.deposited/v1.json")));
        var event = AccountContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
        assertThat(event).isEqualTo(new AccountDeposited("alice", Money.of(new BigDecimal("100"))));
    }
}
