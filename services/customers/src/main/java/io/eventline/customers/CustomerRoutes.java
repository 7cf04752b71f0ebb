package io.eventline.customers;

import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.query.StoreReads;
import io.eventline.http.ApiException;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The customers endpoints of docs/api.md. A write is answered once Kafka has acknowledged it and this
 * instance's table has applied it, so a read that follows the answer sees the write. Handlers block:
 * Javalin runs them on virtual threads.
 */
public final class CustomerRoutes {
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(10);
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(5);

    private final CustomerWriter writer;
    private final CustomerReads reads;
    private final AppliedWrites applied;

    /** @param streams the customers service's own streams, which hold {@link CustomersService#STORE} */
    public CustomerRoutes(CustomerWriter writer, KafkaStreams streams) {
        this.writer = writer;
        this.reads = new CustomerReads(StoreProvider.of(streams));
        this.applied = new AppliedWrites(streams);
    }

    public void register(RoutesConfig routes) {
        routes.put("/api/customers/{customerId}", this::put);
        routes.delete("/api/customers/{customerId}", this::delete);
        routes.get("/api/customers/{customerId}", this::get);
    }

    private void put(Context ctx) throws InterruptedException {
        String customerId = RequestBody.id("customerId", ctx.pathParam("customerId"));
        CustomerUpdated customer = CustomerBody.parse(customerId, ctx.bodyAsBytes());
        String correlationId = Optional.ofNullable(ctx.header("X-Correlation-Id"))
                .orElseGet(() -> UUID.randomUUID().toString());
        RecordMetadata written = acknowledged(() -> writer.put(customer, correlationId));
        // Not applied in time (or owned by another instance): the write stands, it is in the log, so
        // it is answered as done; the table shows it as soon as it catches up.
        applied.await(customerId, written, APPLIED_WITHIN);
        ctx.json(customer);
    }

    private void delete(Context ctx) throws InterruptedException {
        String customerId = RequestBody.id("customerId", ctx.pathParam("customerId"));
        RecordMetadata written = acknowledged(() -> writer.delete(customerId));
        applied.await(customerId, written, APPLIED_WITHIN);
        ctx.status(204);
    }

    private void get(Context ctx) {
        String customerId = RequestBody.id("customerId", ctx.pathParam("customerId"));
        CustomerUpdated customer;
        customer = StoreReads.read("customers", () -> reads.find(customerId))
                .orElseThrow(() -> ApiException.notFound("customer " + customerId + " is not known"));
        ctx.json(customer);
    }

    private static RecordMetadata acknowledged(Supplier<Future<RecordMetadata>> send) throws InterruptedException {
        try {
            return send.get().get(ACKNOWLEDGED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KafkaException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw ApiException.unavailable("the customer could not be written to Kafka: " + cause.getMessage());
        } catch (TimeoutException e) {
            throw ApiException.unavailable("Kafka did not acknowledge the write in time; it may still be applied, "
                    + "and repeating the request is safe");
        }
    }
}
