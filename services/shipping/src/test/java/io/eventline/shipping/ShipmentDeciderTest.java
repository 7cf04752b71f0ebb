package io.eventline.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.shipments.CancelShipment;
import io.eventline.contracts.shipments.ScheduleShipment;
import io.eventline.contracts.shipments.ShipmentCancelled;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentEvent;
import io.eventline.contracts.shipments.ShipmentFailed;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.testing.DeciderSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShipmentDeciderTest {
    static final String ORDER = "order-1";
    static final String CUSTOMER = "alice";
    static final Address HOME = new Address("1 Main St", "Springfield", "12345", "US");
    static final Address ANTARCTICA = new Address("McMurdo Station", "Ross Island", "BQ 1", "AQ");

    static final ShipmentScheduled SCHEDULED = new ShipmentScheduled(ORDER, CUSTOMER, HOME);
    static final ShipmentFailed FAILED = new ShipmentFailed(ORDER, CUSTOMER, ShipmentContracts.NO_ADDRESS);
    static final ShipmentCancelled CANCELLED = new ShipmentCancelled(ORDER, CUSTOMER);

    final DeciderSpec<ShipmentCommand, Shipment, ShipmentEvent> shipment = DeciderSpec.of(new ShipmentDecider());

    @Test
    void shouldScheduleTheShipmentWhenTheCustomerHasAnAddress() {
        Shipment after = shipment.given().when(new ScheduleShipment(ORDER, CUSTOMER, HOME)).then(SCHEDULED);

        assertThat(after).isEqualTo(new Shipment(Shipment.Status.SCHEDULED, CUSTOMER, HOME, null));
    }

    @Test
    void shouldFailWithNoAddressWhenShippingKnowsNone() {
        Shipment after = shipment.given().when(new ScheduleShipment(ORDER, CUSTOMER, null)).then(FAILED);

        assertThat(after).isEqualTo(new Shipment(Shipment.Status.FAILED, CUSTOMER, null, ShipmentContracts.NO_ADDRESS));
    }

    @Test
    void shouldFailWithUnsupportedCountryWhenTheAddressIsInAntarctica() {
        shipment.given().when(new ScheduleShipment(ORDER, CUSTOMER, ANTARCTICA))
                .then(new ShipmentFailed(ORDER, CUSTOMER, ShipmentContracts.UNSUPPORTED_COUNTRY));
    }

    @ParameterizedTest
    @MethodSource("histories")
    void shouldDoNothingWhenTheOrderAlreadyHasAShipment(List<ShipmentEvent> history) {
        shipment.given(history.toArray(ShipmentEvent[]::new))
                .when(new ScheduleShipment(ORDER, CUSTOMER, HOME))
                .then();
    }

    static Stream<List<ShipmentEvent>> histories() {
        return Stream.of(List.of(SCHEDULED), List.of(FAILED), List.of(SCHEDULED, CANCELLED));
    }

    @Test
    void shouldCancelTheShipmentKeepingItsAddressWhenItIsScheduled() {
        Shipment after = shipment.given(SCHEDULED).when(new CancelShipment(ORDER, CUSTOMER)).then(CANCELLED);

        assertThat(after).isEqualTo(new Shipment(Shipment.Status.CANCELLED, CUSTOMER, HOME, null));
    }

    @ParameterizedTest
    @MethodSource("notScheduled")
    void shouldDoNothingWhenCancellingAShipmentThatIsNotScheduled(List<ShipmentEvent> history) {
        shipment.given(history.toArray(ShipmentEvent[]::new))
                .when(new CancelShipment(ORDER, CUSTOMER))
                .then();
    }

    static Stream<List<ShipmentEvent>> notScheduled() {
        return Stream.of(List.of(), List.of(FAILED), List.of(SCHEDULED, CANCELLED));
    }
}
