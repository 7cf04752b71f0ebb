package io.eventline.app.verify;

import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.StockAdded;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.inventory.StockShipped;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.notifications.NotificationsService;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.reaction.ReactionTopology;
import io.eventline.orders.OrdersService;
import io.eventline.shipping.ShippingService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A log written by hand, as the platform writes it: commands on command topics, the events they cause,
 * the commands decided in place; everything committed unless written as aborted.
 */
final class HandLog {
    static final String CUSTOMER = "alice";
    static final String SKU = "tea";
    static final String ORDER = "o-1";
    static final Money PRICE = Money.of(new BigDecimal("10.25"));
    static final List<OrderLine> LINES = List.of(new OrderLine(SKU, 2, PRICE));
    static final Money TOTAL = Money.of(new BigDecimal("20.50"));

    final List<LoggedRecord> committed = new ArrayList<>();
    final List<LoggedRecord> uncommitted = new ArrayList<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private int sequence;

    /** One customer with an address, a deposit, stock, and one order that ships, notified: a clean log. */
    static HandLog shippedOrder() {
        HandLog log = new HandLog();
        UUID customer = log.event(CustomerContracts.EVENTS, CustomerContracts.TOPIC, CUSTOMER,
                new CustomerUpdated(CUSTOMER, "Alice", "alice@example.com", new Address("1 Rue", "Paris", "75002", "FR")),
                null);
        log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER,
                new AccountDeposited(CUSTOMER, Money.of(new BigDecimal("100"))), log.command("accounts", CUSTOMER, null));
        log.event(InventoryContracts.EVENTS, InventoryContracts.TOPIC, SKU, new StockAdded(SKU, 10),
                log.command("inventory", SKU, null));
        UUID placed = log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderPlaced(ORDER, CUSTOMER, LINES, "EUR", TOTAL), log.command("orders", ORDER, null));
        UUID taken = log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER,
                new PaymentTaken(CUSTOMER, ORDER, TOTAL), log.command("accounts", CUSTOMER, placed));
        UUID paid = log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderPaid(ORDER, CUSTOMER, LINES, TOTAL), log.command("orders", ORDER, taken));
        UUID reserved = log.event(InventoryContracts.EVENTS, InventoryContracts.TOPIC, SKU,
                new StockReserved(SKU, ORDER, 2), log.command("inventory", SKU, paid));
        UUID item = log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderItemReserved(ORDER, CUSTOMER, SKU), log.command("orders", ORDER, reserved));
        UUID allReserved = log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderReserved(ORDER, CUSTOMER, LINES), log.command("orders", ORDER, item));
        // Shipping reacts to orders in place, and orders to shipments: no command topic holds these commands.
        UUID scheduled = log.event(ShipmentContracts.EVENTS, ShipmentContracts.TOPIC, ORDER,
                new ShipmentScheduled(ORDER, CUSTOMER, new Address("1 Rue", "Paris", "75002", "FR")),
                ReactionTopology.commandId(allReserved, ShippingService.ON_ORDERS, 0));
        UUID shipped = log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderShipped(ORDER, CUSTOMER, LINES, "EUR", TOTAL),
                ReactionTopology.commandId(scheduled, OrdersService.ON_SHIPMENTS, 0));
        log.event(InventoryContracts.EVENTS, InventoryContracts.TOPIC, SKU, new StockShipped(SKU, ORDER, 2),
                log.command("inventory", SKU, shipped));
        // Notifications react to orders in place too.
        log.event(NotificationContracts.EVENTS, NotificationContracts.TOPIC, ORDER,
                new NotificationSent(ORDER, CUSTOMER, "SHIPPED", null, "alice@example.com", "Your order shipped"),
                ReactionTopology.commandId(shipped, NotificationsService.ON_ORDERS, 0));
        return log;
    }

    /** The versions the clean log's snapshots show. */
    static Snapshots snapshots() {
        Map<String, Long> versions = Map.of(AccountContracts.TOPIC + "/" + CUSTOMER, 2L,
                InventoryContracts.TOPIC + "/" + SKU, 3L, OrderContracts.TOPIC + "/" + ORDER, 5L,
                ShipmentContracts.TOPIC + "/" + ORDER, 1L);
        return (topic, id) -> Snapshots.path(topic, id).isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(versions.getOrDefault(topic + "/" + id, 0L));
    }

    /**
     * A command on {@code <aggregate>.commands}: from the HTTP gateway (its own cause) when
     * {@code cause} is null, else a reaction's. @return its id
     */
    String command(String aggregate, String aggregateId, UUID cause) {
        String id = "cmd-" + ++sequence;
        CommandEnvelope command = new CommandEnvelope(id, "some.command", 1, aggregateId,
                Json.mapper().createObjectNode(), new EventMetadata(ORDER, cause == null ? id : cause.toString(),
                cause == null ? "api" : aggregate));
        write(aggregate + ".commands", 0, aggregateId, Json.write(command), true);
        return id;
    }

    /** @param causationId null: the event names itself (a state event) @return its id */
    <E> UUID event(Catalogue<E> catalogue, String topic, String aggregateId, E event, String causationId) {
        return event(catalogue, topic, aggregateId, aggregateId, 0, event, causationId, true);
    }

    <E> UUID event(Catalogue<E> catalogue, String topic, String key, String aggregateId, int partition, E event,
                   String causationId, boolean committed) {
        UUID id = UUID.nameUUIDFromBytes(("event-" + ++sequence).getBytes());
        var type = catalogue.typeOf(event);
        EventEnvelope envelope = new EventEnvelope(id, type.name(), type.currentVersion(),
                Instant.parse("2026-01-01T00:00:00Z"), aggregateId, catalogue.encode(event),
                new EventMetadata(ORDER, causationId == null ? id.toString() : causationId, "test"));
        write(topic, partition, key, EnvelopeCodec.toBytes(envelope), committed);
        return id;
    }

    /** The record at {@code index} of the committed view written again, at the end of its partition. */
    void repeat(int index) {
        LoggedRecord record = committed.get(index);
        write(record.position().topic(), record.position().partition(), record.key(), record.value(), true);
    }

    /** @param committed false: of an aborted transaction, seen only read_uncommitted */
    void write(String topic, int partition, String key, byte[] value, boolean committed) {
        long offset = offsets.merge(topic + "-" + partition, 1L, Long::sum) - 1;
        LoggedRecord record = new LoggedRecord(new Position(topic, partition, offset), key, value);
        uncommitted.add(record);
        if (committed) {
            this.committed.add(record);
        }
    }

    Verdict verdict(Optional<Snapshots> snapshots, boolean atRest) {
        LogCheck check = check();
        return check.verdict(snapshots, atRest);
    }

    LogCheck check() {
        LogCheck check = new LogCheck(LogTopics.platform());
        uncommitted.forEach(check::uncommitted);
        committed.forEach(check::committed);
        return check;
    }
}
