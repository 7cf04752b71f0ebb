package io.eventline.app.verify;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.kafka.AggregateTopics;
import io.eventline.notifications.NotificationsService;
import io.eventline.orders.OrdersService;
import io.eventline.shipping.ShippingService;
import java.util.List;
import java.util.Map;

/**
 * The topics the verifier reads: the event-sourced topics (an aggregate's events, versions 1..n), the
 * state topics (compacted: events, but compaction keeps only the latest per key, so no versions), and
 * the command topics, whose command ids the events' causations name.
 *
 * @param inPlace reactions whose commands are decided in the task that read their event, never written
 *     to a command topic: by the topic they react to, each reaction's name and the topic its events go to
 * @param sagasInPlace sagas whose commands for their own key are decided in their task, never written to a
 *     command topic: by the topic those commands' events go to, the sagas' names (their ids are the events' keys)
 */
public record LogTopics(List<String> events, List<String> states, List<String> commands,
                        Map<String, List<InPlaceReaction>> inPlace, Map<String, List<String>> sagasInPlace) {
    /** A reaction decided in place: its commands' ids derive from the event read, and this name. */
    public record InPlaceReaction(String name, String target) {
    }

    private static final List<String> AGGREGATES = List.of(AccountContracts.NAME, InventoryContracts.NAME,
            OrderContracts.NAME, ShipmentContracts.NAME, NotificationContracts.NAME);

    public LogTopics {
        events = List.copyOf(events);
        states = List.copyOf(states);
        commands = List.copyOf(commands);
        inPlace = inPlace.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        sagasInPlace = sagasInPlace.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** Eventline's own: every aggregate's events and commands, and the customers. */
    public static LogTopics platform() {
        return new LogTopics(
                List.of(AccountContracts.TOPIC, InventoryContracts.TOPIC, OrderContracts.TOPIC,
                        ShipmentContracts.TOPIC, NotificationContracts.TOPIC),
                List.of(CustomerContracts.TOPIC),
                AGGREGATES.stream().map(name -> AggregateTopics.of(name).commands().name()).toList(),
                Map.of(OrderContracts.TOPIC, List.of(
                                new InPlaceReaction(ShippingService.ON_ORDERS, ShipmentContracts.TOPIC),
                                new InPlaceReaction(NotificationsService.ON_ORDERS, NotificationContracts.TOPIC)),
                        ShipmentContracts.TOPIC, List.of(
                                new InPlaceReaction(OrdersService.ON_SHIPMENTS, OrderContracts.TOPIC))),
                Map.of(OrderContracts.TOPIC, List.of(OrdersService.SAGA),
                        ShipmentContracts.TOPIC, List.of(OrdersService.SAGA)));
    }

    public List<String> all() {
        return java.util.stream.Stream.of(events, states, commands).flatMap(List::stream).toList();
    }

    boolean isCommands(String topic) {
        return commands.contains(topic);
    }

    boolean isVersioned(String topic) {
        return events.contains(topic);
    }
}
