package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Places a scenario's orders, and its customers' cancels, against a process that is killed under it.
 * An order counts as acknowledged only once its POST answered 202; a connection failure or a 5xx
 * (the process is down, or starting) repeats the same request, same {@code orderId}, until it is.
 * New orders go at a steady rate (a token bucket), and only while the process is ready (as a load
 * balancer would send them), so that they are spread over every span between two kills rather than
 * all landing in the first; requests already sent keep retrying across a crash.
 */
final class CrashClient implements AutoCloseable {
    private static final int IN_FLIGHT = 16;
    private static final Duration RETRY_EVERY = Duration.ofMillis(250);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final TestApi api;
    private final Scenario scenario;
    private final IntSupplier epoch;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> cancels = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> ackedPerEpoch = new ConcurrentHashMap<>();
    private final AtomicInteger retried = new AtomicInteger();
    private final ScheduledExecutorService refill = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore tokens = new Semaphore(0);
    private volatile boolean open;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** @param epoch how many times the process has been killed so far: acknowledgements are counted per epoch */
    private CrashClient(TestApi api, Scenario scenario, IntSupplier epoch) {
        this.api = api;
        this.scenario = scenario;
        this.epoch = epoch;
    }

    static CrashClient start(TestApi api, Scenario scenario, int ordersPerSecond, IntSupplier epoch) {
        CrashClient client = new CrashClient(api, scenario, epoch);
        int perTick = Math.max(1, ordersPerSecond / 10);
        // Capped at a second's worth: tokens unused while the process is down make no burst after.
        client.refill.scheduleAtFixedRate(() -> {
            if (client.open) {
                int room = ordersPerSecond - client.tokens.availablePermits();
                client.tokens.release(Math.max(0, Math.min(perTick, room)));
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        Thread.ofPlatform().name("crash-client").daemon().start(client::placeAll);
        return client;
    }

    /** The process is ready: new orders may go. */
    void resume() {
        open = true;
    }

    /** The process is about to be killed, or is starting: no new orders, but those sent go on retrying. */
    void pause() {
        open = false;
    }

    /** Completes when every order is acknowledged and every cancel answered; fails on an answer that is not allowed. */
    CompletableFuture<Void> done() {
        return done;
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** The status each customer cancel ended with: 202 or 409. */
    Map<String, Integer> cancels() {
        return Map.copyOf(cancels);
    }

    /** Requests that were answered only after one or more retries: they were cut off by a crash. */
    int retried() {
        return retried.get();
    }

    Map<Integer, AtomicInteger> ackedPerEpoch() {
        return new TreeMap<>(ackedPerEpoch);
    }

    /** Waits until {@code count} orders are acknowledged; the client's own failure, if first, is the news. */
    void awaitAcknowledged(int count, Duration patience) {
        await(count + " orders acknowledged").atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (done.isCompletedExceptionally()) {
                done.join();
            }
            return acknowledged.size() >= count;
        });
    }

    /**
     * Once {@link #done()}: every order was acknowledged, the platform's invariants hold within
     * {@code settle}, and every acknowledged order is there.
     */
    PlatformLedger assertNothingLost(String seed, Duration settle) {
        assertThat(acknowledged()).as("%s: every order was acknowledged", seed).hasSize(scenario.orders().size());
        PlatformLedger ledger = new PlatformLedger(api, scenario, cancels());
        await().atMost(settle).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> ledger.check(seed));
        assertThat(ledger.listOrders().keySet()).as("%s: no acknowledged order is lost", seed)
                .containsAll(acknowledged());
        return ledger;
    }

    @Override
    public void close() {
        refill.shutdownNow();
    }

    private void placeAll() {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Scenario.Order order : scenario.orders()) {
                if (done.isCompletedExceptionally()) {
                    break; // a request already failed the run: no point placing the rest
                }
                tokens.acquire();
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        place(order);
                    } catch (RuntimeException | Error e) {
                        done.completeExceptionally(e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        done.complete(null);
    }

    private void place(Scenario.Order order) {
        String body = PlatformRun.body(order);
        untilAnswered("POST /api/orders " + order.id(), Set.of(202), () -> api.post("/api/orders", body));
        acknowledged.add(order.id());
        ackedPerEpoch.computeIfAbsent(epoch.getAsInt(), e -> new AtomicInteger()).incrementAndGet();
        if (order.cancelledByCustomer()) {
            // A retry after a crash may find the first attempt done: 202 again (already cancelled), or 409
            // if the order shipped meanwhile. Either way the last answer is what the customer was told.
            cancels.put(order.id(), untilAnswered("POST /api/orders/" + order.id() + "/cancel", Set.of(202, 409),
                    () -> api.post("/api/orders/" + order.id() + "/cancel", "")));
        }
    }

    /** Repeats the request while the process is unreachable or answers 5xx; an answer not in {@code finals} fails. */
    private int untilAnswered(String what, Set<Integer> finals, Supplier<HttpResponse<String>> call) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger answer = new AtomicInteger();
        await().atMost(GIVE_UP_AFTER).pollDelay(Duration.ZERO).pollInterval(RETRY_EVERY).pollInSameThread()
                .until(() -> {
                    attempts.incrementAndGet();
                    try {
                        HttpResponse<String> response = call.get();
                        if (response.statusCode() >= 500) {
                            return false;
                        }
                        if (!finals.contains(response.statusCode())) {
                            throw new AssertionError(what + " answered " + response.statusCode() + ": "
                                    + response.body());
                        }
                        answer.set(response.statusCode());
                        return true;
                    } catch (UncheckedIOException e) {
                        return false; // killed mid-request, or not listening yet
                    }
                });
        if (attempts.get() > 1) {
            retried.incrementAndGet();
        }
        return answer.get();
    }
}
