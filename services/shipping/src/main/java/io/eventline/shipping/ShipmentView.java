package io.eventline.shipping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventline.contracts.customers.Address;

/**
 * The shipment as the API answers it: {@code {orderId, customerId, address, status, reason?}}. The
 * address is null when there is none; the reason appears only for a failure.
 */
record ShipmentView(String orderId, String customerId, Address address, Shipment.Status status,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    static ShipmentView of(String orderId, Shipment shipment) {
        return new ShipmentView(orderId, shipment.customerId(), shipment.address(), shipment.status(),
                shipment.reason());
    }
}
