package io.eventline.contracts.orders;

/** Why an order was cancelled (docs/api.md). */
public enum CancelReason {
    INSUFFICIENT_FUNDS, OUT_OF_STOCK, SHIPPING_UNAVAILABLE, CANCELLED_BY_CUSTOMER, TIMED_OUT
}
