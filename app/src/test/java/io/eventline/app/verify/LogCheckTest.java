package io.eventline.app.verify;

import static io.eventline.app.verify.HandLog.CUSTOMER;
import static io.eventline.app.verify.HandLog.LINES;
import static io.eventline.app.verify.HandLog.ORDER;
import static io.eventline.app.verify.HandLog.SKU;
import static io.eventline.app.verify.HandLog.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.customers.Address;
import io.eventline.contracts.accounts.PaymentRefunded;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.StockReleased;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.envelope.Json;
import io.eventline.core.saga.SagaTopology;
import io.eventline.orders.OrdersService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each way the log can break exactly-once, on a log written by hand; and a clean log passing. */
class LogCheckTest {
    private final HandLog log = HandLog.shippedOrder();

    @Test
    void shouldPassACleanLogWithEveryCheckOn() {
        log.write(OrderContracts.TOPIC, 0, ORDER, log.committed.get(3).value(), false); // an aborted copy
        Verdict verdict = log.verdict(Optional.of(HandLog.snapshots()), true);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.clean()).isTrue();
        assertThat(verdict.snapshotsCompared()).isTrue();
        assertThat(verdict.aborted()).isEqualTo(1);
        assertThat(verdict.outcomes()).isEqualTo(Map.of(ORDER, "SHIPPED"));
        assertThat(verdict.causations()).isEqualTo(new Causations(9, 3, 1, 0));
        assertThat(verdict.aggregates()).isEqualTo(5);
        assertThat(verdict.deposits()).isEqualTo(Map.of(CUSTOMER, List.of(Money.of(new BigDecimal("100")))));
        assertThat(verdict.stockAdded()).isEqualTo(Map.of(SKU, List.of(10)));
        assertThat(verdict.summary(20)).contains("violations   none").contains("SHIPPED 1");
    }

    @Test
    void shouldDetectADuplicateEventIdWhenAnEventIsAppendedTwice() {
        log.repeat(log.committed.size() - 1);

        assertThat(kinds(log.verdict(Optional.empty(), true))).containsExactly("duplicate-event-id");
    }

    @Test
    void shouldDetectAMisplacedEventWhenKeyedByAnotherIdOrOnAnotherPartition() {
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, "someone-else", ORDER, 0,
                new OrderPlaced("o-2", CUSTOMER, LINES, "EUR", TOTAL), log.command("orders", "o-2", null), true);
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER, ORDER, 1,
                new OrderPlaced("o-3", CUSTOMER, LINES, "EUR", TOTAL), log.command("orders", "o-3", null), true);

        assertThat(kinds(log.verdict(Optional.empty(), false))).containsExactly("misplaced-event", "misplaced-event");
    }

    @Test
    void shouldDetectAVersionMismatchWhenTheSnapshotIsAheadOfOrBehindTheLog() {
        Snapshots oneLost = (topic, id) -> topic.equals(OrderContracts.TOPIC) ? OptionalLong.of(6)
                : HandLog.snapshots().version(topic, id);
        Snapshots oneTooMany = (topic, id) -> topic.equals(AccountContracts.TOPIC) ? OptionalLong.of(1)
                : HandLog.snapshots().version(topic, id);

        assertThat(kinds(log.verdict(Optional.of(oneLost), true))).containsExactly("version-mismatch");
        assertThat(kinds(log.verdict(Optional.of(oneTooMany), true))).containsExactly("version-mismatch");
        assertThat(log.verdict(Optional.of(oneLost), false).violations()).as("not compared unless at rest").isEmpty();
    }

    @Test
    void shouldDetectAnOrderNeverPlacedWhenAnotherServiceActsOnIt() {
        log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER, new PaymentTaken(CUSTOMER, "ghost", TOTAL),
                log.command("accounts", CUSTOMER, null));

        assertThat(kinds(log.verdict(Optional.empty(), false))).containsExactly("no-order-placed");
    }

    @Test
    void shouldDetectARepeatedEffectWhenPaidOrRefundedOrStockMovedTwice() {
        log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER, new PaymentTaken(CUSTOMER, ORDER, TOTAL),
                log.command("accounts", CUSTOMER, null));
        log.event(InventoryContracts.EVENTS, InventoryContracts.TOPIC, SKU, new StockReserved(SKU, ORDER, 2),
                log.command("inventory", SKU, null));
        log.event(InventoryContracts.EVENTS, InventoryContracts.TOPIC, "coffee", new StockReserved("coffee", ORDER, 1),
                log.command("inventory", "coffee", null)); // another sku: once for it
        for (int i = 0; i < 2; i++) {
            log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER,
                    new PaymentRefunded(CUSTOMER, ORDER, TOTAL), log.command("accounts", CUSTOMER, null));
            log.event(InventoryContracts.EVENTS, InventoryContracts.TOPIC, SKU, new StockReleased(SKU, ORDER, 2),
                    log.command("inventory", SKU, null));
        }
        log.event(NotificationContracts.EVENTS, NotificationContracts.TOPIC, ORDER,
                new NotificationSent(ORDER, CUSTOMER, "SHIPPED", null, null, "again"),
                log.command("notifications", ORDER, null));

        Verdict verdict = log.verdict(Optional.empty(), true);
        assertThat(kinds(verdict)).containsOnly("repeated-effect").hasSize(5);
        assertThat(verdict.violations()).extracting(v -> ((Violation.RepeatedEffect) v).eventType())
                .containsExactlyInAnyOrder("payment.taken", "stock.reserved", "payment.refunded", "stock.released",
                        "notification.sent");
    }

    @Test
    void shouldDetectARepeatedPlacementWhenAnOrderIsPlacedTwice() {
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderPlaced(ORDER, CUSTOMER, LINES, "EUR", TOTAL), log.command("orders", ORDER, null));

        assertThat(kinds(log.verdict(Optional.empty(), true))).containsExactly("repeated-effect");
    }

    @Test
    void shouldDetectTwoOutcomesWhenAShippedOrderIsAlsoCancelled() {
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, ORDER,
                new OrderCancelled(ORDER, CUSTOMER, LINES, CancelReason.CANCELLED_BY_CUSTOMER),
                log.command("orders", ORDER, null));

        Verdict verdict = log.verdict(Optional.empty(), true);
        assertThat(kinds(verdict)).containsExactly("two-outcomes");
        assertThat(verdict.violations().getFirst().detail()).contains("SHIPPED", "CANCELLED_BY_CUSTOMER");
    }

    @Test
    void shouldDetectAnUnfinishedOrderOnlyWhenSaidToBeAtRest() {
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, "o-2",
                new OrderPlaced("o-2", CUSTOMER, List.of(new OrderLine(SKU, 1, TOTAL)), "EUR", TOTAL),
                log.command("orders", "o-2", null));

        assertThat(kinds(log.verdict(Optional.empty(), true))).containsExactly("unfinished-order");
        Verdict flowing = log.verdict(Optional.empty(), false);
        assertThat(flowing.violations()).isEmpty();
        assertThat(flowing.ordersByOutcome()).isEqualTo(Map.of("SHIPPED", 1L, "in flight", 1L));
    }

    @Test
    void shouldDetectAMissingNotificationWhenAtRest() {
        HandLog unnotified = new HandLog();
        log.committed.subList(0, log.committed.size() - 2).forEach(r -> unnotified.write(r.position().topic(),
                r.position().partition(), r.key(), r.value(), true)); // all but the notification and its command

        assertThat(kinds(unnotified.verdict(Optional.empty(), true))).containsExactly("no-notification");
        assertThat(unnotified.verdict(Optional.empty(), false).violations()).isEmpty();
    }

    @Test
    void shouldDetectAnUnknownCauseWhenNoEventOrCommandHasItsId() {
        log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER, new PaymentTaken(CUSTOMER, "o-9", TOTAL),
                "a-command-nobody-wrote");
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, "o-9",
                new OrderPlaced("o-9", CUSTOMER, LINES, "EUR", TOTAL), log.command("orders", "o-9", null));

        Verdict verdict = log.verdict(Optional.empty(), false);
        assertThat(kinds(verdict)).containsExactly("unknown-cause");
        assertThat(verdict.violations().getFirst().at().topic()).isEqualTo(AccountContracts.TOPIC);
    }

    @Test
    void shouldTieAnOrderEventToTheCommandTheOrchestratorDecidedInPlaceForThatOrderOnly() {
        // The orchestrated saga's commands to its own order never reach orders.commands: their ids
        // derive from the saga's name, its id (the order's) and the command's sequence in its run.
        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, "o-9",
                new OrderPlaced("o-9", CUSTOMER, LINES, "EUR", TOTAL), SagaTopology.commandId(OrdersService.SAGA, "o-9", 7));
        Verdict verdict = log.verdict(Optional.empty(), false);
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.causations().inPlaceCommands()).isEqualTo(4);

        log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, "o-8",
                new OrderPlaced("o-8", CUSTOMER, LINES, "EUR", TOTAL), SagaTopology.commandId(OrdersService.SAGA, "o-7", 1));
        assertThat(kinds(log.verdict(Optional.empty(), false))).as("another order's saga command")
                .containsExactly("unknown-cause");
    }

    @Test
    void shouldTieAShipmentEventToTheCommandTheOrchestratorDecidedInPlaceForThatOrderOnly() {
        // Shipments are keyed by order id: with shipping in the orders' application, the saga's shipment
        // commands are decided in its task too, never written to shipments.commands.
        Address address = new Address("1 Rue", "Paris", "75002", "FR");
        for (String order : List.of("o-9", "o-8")) {
            log.event(OrderContracts.EVENTS, OrderContracts.TOPIC, order,
                    new OrderPlaced(order, CUSTOMER, LINES, "EUR", TOTAL), SagaTopology.commandId(OrdersService.SAGA, order, 1));
        }
        log.event(ShipmentContracts.EVENTS, ShipmentContracts.TOPIC, "o-9",
                new ShipmentScheduled("o-9", CUSTOMER, address), SagaTopology.commandId(OrdersService.SAGA, "o-9", 5));
        assertThat(log.verdict(Optional.empty(), false).violations()).isEmpty();

        log.event(ShipmentContracts.EVENTS, ShipmentContracts.TOPIC, "o-8",
                new ShipmentScheduled("o-8", CUSTOMER, address), SagaTopology.commandId(OrdersService.SAGA, "o-7", 5));
        assertThat(kinds(log.verdict(Optional.empty(), false))).as("another order's saga command")
                .containsExactly("unknown-cause");
    }

    @Test
    void shouldCountAnUnknownCauseAsUnverifiableWhenACommandTopicLostItsOldestRecords() {
        log.event(AccountContracts.EVENTS, AccountContracts.TOPIC, CUSTOMER,
                new PaymentRefunded(CUSTOMER, ORDER, TOTAL), "a-command-past-retention");
        LogCheck check = log.check();
        check.commandsTruncated();

        Verdict verdict = check.verdict(Optional.empty(), true);
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.causations().unverifiable()).isEqualTo(1);
    }

    @Test
    void shouldDetectAnAbortedRecordWhenTheCommittedViewShowsWhatTheLogDoesNotHold() {
        LoggedRecord aborted = log.uncommitted.removeLast(); // the notification: read_uncommitted does not see it

        Verdict verdict = log.verdict(Optional.empty(), true);
        assertThat(kinds(verdict)).containsExactly("aborted-record-visible");
        assertThat(verdict.violations().getFirst().at()).isEqualTo(aborted.position());
    }

    @Test
    void shouldDetectASchemaViolationWhenAnEventBreaksItsPublishedSchemaThoughItsReaderCopes() throws Exception {
        int last = log.committed.size() - 1; // the notification: its reader takes a missing "to" for null
        LoggedRecord notified = log.committed.get(last);
        ObjectNode event = (ObjectNode) Json.readTree(notified.value());
        ((ObjectNode) event.get("data")).remove("to");
        LoggedRecord changed = new LoggedRecord(notified.position(), notified.key(), Json.write(event));
        log.committed.set(last, changed);
        log.uncommitted.set(log.uncommitted.indexOf(notified), changed);

        Verdict verdict = log.verdict(Optional.of(HandLog.snapshots()), true);
        assertThat(kinds(verdict)).containsExactly("schema-violation");
        assertThat(verdict.violations().getFirst().at()).isEqualTo(notified.position());
        assertThat(verdict.violations().getFirst().detail()).startsWith("notification.sent v1 breaks its schema: ")
                .contains("/data").contains("to");
    }

    private static List<String> kinds(Verdict verdict) {
        return verdict.violations().stream().map(Violation::kind).toList();
    }
}
