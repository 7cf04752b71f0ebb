package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.core.kafka.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which applications a process runs its services in, as the cluster's consumer groups decide. */
class ApplicationLayoutTest {
    private static final Set<String> KNOWN = Set.copyOf(Modules.names());
    private static final String COMPOSED = "eventline-accounts-inventory-orders-shipping";
    private static final String OFF_PATH = "eventline-notifications-analytics-fraud";
    /** Groups that are no service's: read models, Kafka Connect, a console's. */
    private static final Set<String> OTHERS = Set.of("eventline-projection-orders-view-v1", "eventline-connect",
            "eventline-reporting-sink", "console-1");

    @Test
    void shouldComposeEveryServiceThatCanOnAFreshCluster() {
        ApplicationLayout layout = ApplicationLayout.choose(running(EventlineConfig.ORDER_SERVICES), OTHERS, KNOWN);

        assertThat(ids(layout)).as("the saga's path, the services off it, and customers")
                .containsExactly(COMPOSED, OFF_PATH, "eventline-customers");
        assertThat(layout.why()).isEmpty();
        assertThat(layout.composedDeadLetters()).extracting(Topic::name)
                .containsExactly("accounts-inventory-orders-shipping.dlq", "notifications-analytics-fraud.dlq");
    }

    @Test
    void shouldKeepComposingWhereTheClusterAlreadyDoes() {
        Set<String> groups = Set.of(COMPOSED, OFF_PATH, "eventline-customers", "eventline-projection-orders-view-v1");

        assertThat(ids(ApplicationLayout.choose(running(EventlineConfig.ORDER_SERVICES), groups, KNOWN)))
                .containsExactly(COMPOSED, OFF_PATH, "eventline-customers");
    }

    @Test
    void shouldRunEachServiceAloneWhereOneOfThemHasItsOwnGroup() {
        // A data dir from before composition: the services' offsets and stores are in their own groups.
        Set<String> groups = Set.of("eventline-orders", "eventline-customers", "eventline-connect");

        ApplicationLayout layout = ApplicationLayout.choose(running(EventlineConfig.ORDER_SERVICES), groups, KNOWN);

        assertThat(ids(layout)).containsExactly("eventline-accounts", "eventline-inventory", "eventline-orders",
                "eventline-shipping", "eventline-notifications", "eventline-analytics", "eventline-fraud",
                "eventline-customers");
        assertThat(layout.why()).hasValueSatisfying(why -> assertThat(why).contains("eventline-orders"));
        assertThat(layout.composedDeadLetters()).as("each service's is declared by its module").isEmpty();
    }

    @Test
    void shouldRunEachServiceAloneWhenTheSettingsSaySo() {
        assertThat(ids(ApplicationLayout.choose(running(List.of("orders", "shipping")), OTHERS, KNOWN, false)))
                .containsExactly("eventline-orders", "eventline-shipping");
        assertThatThrownBy(() -> ApplicationLayout.choose(Map.of(ApplicationLayout.COMPOSE_CONFIG, "maybe"),
                running(List.of("orders")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventline.compose");
    }

    @Test
    void shouldRunAServiceAloneWhenNoOtherOfItsKindRunsBesideIt() {
        assertThat(ids(ApplicationLayout.choose(running(List.of("orders", "shipping", "fraud")), OTHERS, KNOWN)))
                .containsExactly("eventline-orders-shipping", "eventline-fraud");
    }

    @Test
    void shouldRunOneServiceAsItsOwnApplication() {
        assertThat(ids(ApplicationLayout.choose(running(List.of("orders")), OTHERS, KNOWN)))
                .containsExactly("eventline-orders");
    }

    @Test
    void shouldRefuseToRunAServiceThatAnotherProcessRunsComposed() {
        assertThatThrownBy(() -> ApplicationLayout.choose(running(List.of("orders")), Set.of(COMPOSED), KNOWN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group " + COMPOSED)
                .hasMessageContaining("(accounts inventory orders shipping)");
    }

    @Test
    void shouldRefuseAnotherCompositionOfTheSameServices() {
        assertThatThrownBy(() -> ApplicationLayout.choose(running(List.of("accounts", "inventory")), Set.of(COMPOSED),
                KNOWN)).isInstanceOf(IllegalStateException.class).hasMessageContaining(COMPOSED);
    }

    @Test
    void shouldTellAServiceGroupFromAnyOther() {
        assertThat(ApplicationLayout.servicesOf(COMPOSED, KNOWN)).hasSize(4);
        assertThat(ApplicationLayout.servicesOf("eventline-orders", KNOWN)).containsExactly("orders");
        OTHERS.forEach(group -> assertThat(ApplicationLayout.servicesOf(group, KNOWN)).as(group).isEmpty());
    }

    private static List<ServiceModule> running(List<String> names) {
        return Modules.ALL.stream().filter(module -> names.contains(module.name())).toList();
    }

    private static List<String> ids(ApplicationLayout layout) {
        return layout.applications().stream().map(ApplicationLayout::applicationId).toList();
    }
}
