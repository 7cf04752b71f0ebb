package io.eventline.bench;

/**
 * How a run places one order: Eventline's through its {@code CommandGateway} (as the REST API does),
 * the minimal saga's with a plain idempotent producer. Called from one thread at a time.
 */
interface OrderPlacer extends AutoCloseable {
    void place(String orderId, String customerId, String sku);

    @Override
    void close();
}
