package io.eventline.core.decider;

import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.failure.NotReady;
import io.eventline.core.failure.TimedOut;
import io.eventline.core.kafka.SharedProducer;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.Tracing;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends commands to an aggregate's command topic and awaits their replies: the request-reply edge
 * between a synchronous API and the log. The command is durable once sent (the process's
 * {@link SharedProducer#forRequests producer of requests}: idempotent, {@code acks=all}); the reply
 * comes from whichever instance owns the aggregate. Thread-safe.
 *
 * {@snippet :
 * Reply reply = gateway.send("alice", new Deposit("alice", amount), correlationId).join();
 * }
 */
public final class CommandGateway<C> implements AutoCloseable {
    private final Aggregate<C, ?, ?> aggregate;
    private final Producer<String, byte[]> producer;
    private final ReplyListener replies;
    private final Duration timeout;
    private final Tracing tracing;

    /** @param clientSettings bootstrap servers and any security settings, shared by producer and consumer */
    public CommandGateway(Aggregate<C, ?, ?> aggregate, Map<String, Object> clientSettings, Duration timeout) {
        this(aggregate, clientSettings, timeout, Tracing.headersOnly());
    }

    /** @param tracing how the command's hop is traced: it starts in the caller's OpenTelemetry context */
    public CommandGateway(Aggregate<C, ?, ?> aggregate, Map<String, Object> clientSettings, Duration timeout,
                          Tracing tracing) {
        this(aggregate, new ReplyListener(aggregate.replyTopic(), clientSettings), clientSettings, timeout, tracing);
    }

    /** With the replies read by {@code replies}: a listener over a mock consumer, in tests. */
    CommandGateway(Aggregate<C, ?, ?> aggregate, ReplyListener replies, Map<String, Object> clientSettings,
                   Duration timeout, Tracing tracing) {
        this.aggregate = aggregate;
        this.tracing = tracing;
        this.timeout = timeout;
        this.replies = replies;
        this.producer = SharedProducer.forRequests(clientSettings);
    }

    /**
     * Sends a command for one aggregate. The future completes with the reply, or exceptionally with a
     * {@link java.util.concurrent.TimeoutException} when none came in time: the command may still be
     * decided later, as the log holds it.
     */
    public CompletableFuture<Reply> send(String aggregateId, C command, String correlationId) {
        replies.restart(); // no command should wait for a reply that no thread reads
        String commandId = UUID.randomUUID().toString();
        var type = aggregate.commands().typeOf(command);
        CommandEnvelope envelope = new CommandEnvelope(commandId, type.name(), type.currentVersion(), aggregateId,
                aggregate.commands().encode(command), new EventMetadata(correlationId, commandId, "api"));
        CompletableFuture<Reply> reply = replies.expect(commandId);
        // The command's trace starts here, in the caller's context: an HTTP request's traceparent.
        try (Hop hop = tracing.hopFromCurrentContext("api", aggregate.name() + "-api", "http")) {
            producer.send(new ProducerRecord<>(aggregate.commandTopic(), null, aggregateId, Json.write(envelope),
                            hop.stamp(new RecordHeaders())),
                    (metadata, error) -> {
                        if (error != null) {
                            reply.completeExceptionally(error);
                        }
                    });
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends a command and waits for its reply, for a request handler: no reply in time, or no way to
     * send, is a failure saying the command may still be applied (the log holds it once sent).
     *
     * @throws TimedOut when the reply does not come in time (the command is in the log)
     * @throws NotReady when the command cannot be sent
     */
    public Reply request(String aggregateId, C command, String correlationId) throws InterruptedException {
        try {
            return send(aggregateId, command, correlationId).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new TimedOut("the " + aggregate.name() + " service did not answer in time; the "
                        + "command is in the log and will be applied when it does");
            }
            throw new NotReady("the command could not be sent to Kafka: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * For readiness: whether the replies are being read. A listener found dead is restarted (from where
     * it stopped) and this answers false that once, so that the failure shows.
     */
    public boolean checkReplies() {
        if (replies.alive()) {
            return true;
        }
        replies.restart();
        return false;
    }

    /** How often the reply listener was restarted after it failed. */
    public long replyListenerRestarts() {
        return replies.restarts();
    }

    /** The aggregate this gateway sends commands to, for messages. */
    public String aggregateName() {
        return aggregate.name();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        replies.close();
    }
}
