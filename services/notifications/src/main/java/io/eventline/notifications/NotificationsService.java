package io.eventline.notifications;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandPreparer;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.kafka.Sources;
import io.eventline.core.reaction.ReactionTopology;
import io.eventline.core.retry.EffectTopology;
import io.eventline.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The notifications service: one message per order outcome. Its aggregate is keyed by order id, so
 * that "once per order" is decided by the one task that owns the order's partition. Appending
 * {@code notification.sent} decides that a message goes; the mail effect ({@link #MAIL}) then hands
 * it to a {@link Mailer}, once per event id, retrying while the mailer's target is down.
 */
public final class NotificationsService {
    public static final Aggregate<NotificationCommand, Notification, NotificationEvent> AGGREGATE = new Aggregate<>(
            NotificationContracts.NAME, new NotificationDecider(), NotificationContracts.COMMANDS,
            NotificationContracts.EVENTS, Notification.class);
    /** Notifications' own copy of {@code customers} (event-carried state transfer), for the email. */
    public static final String CUSTOMERS_STORE = CustomerContracts.EVERY_CUSTOMER_STORE;
    /**
     * The reaction to orders' terminal events, decided in place: its commands never reach
     * {@code notifications.commands}, so a reader of the log derives their ids from this name.
     */
    public static final String ON_ORDERS = "notifications-on-orders";
    /** The mail effect: names its stores ({@code notifications-mail-done}; {@code -pending}, legacy) and nodes. */
    public static final String MAIL = "notifications-mail";
    /** The messages sent, newest first ({@link NotificationIndexer}): what {@code GET /api/notifications} pages. */
    public static final String BY_TIME_STORE = "notifications-by-time";
    /** Where a dead-lettered mail is replayed to; it must exist, with as many partitions as the events. */
    public static final String MAIL_REPLAYS = MAIL + ".replays";
    /** About a minute of trying (0.5 s, 1 s, … 30 s apart) before a mail is dead-lettered. */
    static final RetryPolicy MAIL_RETRIES = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));
    /** How often finished mail attempts are collected and due ones started: the floor of a mail's latency. */
    static final Duration MAIL_TICK = Duration.ofMillis(100);

    private NotificationsService() {
    }

    /**
     * The customers table, the decider, the reaction to orders' terminal events, the mail they cause,
     * and the list of messages sent, newest first.
     */
    public static void addTo(Sources sources, Mailer mailer) {
        StreamsBuilder builder = sources.builder();
        // Global: every instance holds every customer, so the reaction reads it whatever partition of
        // orders.events it owns, with no repartition by customer id.
        sources.globalTable(CustomerContracts.TOPIC, CUSTOMERS_STORE);
        // A notification is keyed by its order's id, as orders.events is: the outcome's Notify is decided
        // in the task that read the order's event, one hop and one command record fewer per order.
        KStream<String, byte[]> onOrders = ReactionTopology.inPlace(sources,
                sources.stream(OrderContracts.TOPIC, ON_ORDERS + "-source"), ON_ORDERS, OrderContracts.EVENTS, new OrderOutcomeReaction(), AGGREGATE);
        // The decider reads its events back for the history store: the mail effect and the index read
        // them from there (Sources hands every part the history table's stream of the topic).
        KStream<String, byte[]> events = DeciderTopology.addTo(sources, AGGREGATE, CommandPreparer.none(),
                List.of(onOrders));
        EffectTopology.addTo(sources, mail(mailer));
        // No changelog: derived from the history store, and rebuilt from it whenever its task starts.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_TIME_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled());
        events.process(NotificationIndexer::new, Named.as(BY_TIME_STORE), BY_TIME_STORE, AGGREGATE.historyStore());
    }

    static EffectTopology.Spec<Mail> mail(Mailer mailer) {
        return new EffectTopology.Spec<>(MAIL, NotificationContracts.TOPIC, Mail::of, Mail.class, mailer,
                MAIL_RETRIES, MAIL_TICK);
    }
}
