package io.eventline.app.load;

import io.eventline.app.load.LoadClient.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Creates what a plan's orders need before the first goes out: each customer with an address, the
 * funds, and the stock, 32 calls at a time. A refused call fails the load, saying which.
 */
final class LoadSetUp {
    private static final int IN_FLIGHT = 32;

    private LoadSetUp() {
    }

    interface Call {
        Answer send() throws IOException, InterruptedException;
    }

    static void perform(LoadClient client, LoadPlan plan) throws IOException, InterruptedException {
        List<Call> calls = new ArrayList<>();
        for (LoadPlan.Customer customer : plan.customers()) {
            calls.add(() -> client.put("/api/customers/" + customer.id(), customer(customer)));
            for (long left = customer.depositCents(); left > 0; left -= LoadPlan.MAX_DEPOSIT_CENTS) {
                long amount = Math.min(left, LoadPlan.MAX_DEPOSIT_CENTS);
                calls.add(() -> client.post("/api/accounts/" + customer.id() + "/deposits",
                        "{\"amount\":" + LoadPlan.decimal(amount) + "}"));
            }
        }
        for (Map.Entry<String, Long> sku : plan.stock().entrySet()) {
            for (long left = sku.getValue(); left > 0; left -= LoadPlan.MAX_STOCK) {
                long quantity = Math.min(left, LoadPlan.MAX_STOCK);
                calls.add(() -> client.post("/api/inventory/" + sku.getKey() + "/stock",
                        "{\"quantity\":" + quantity + "}"));
            }
        }
        inParallel(calls);
    }

    private static void inParallel(List<Call> calls) throws IOException, InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Call call : calls) {
                inFlight.acquire();
                answers.add(pool.submit(() -> {
                    try {
                        return call.send();
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        for (Future<Answer> answer : answers) {
            check(answer);
        }
    }

    private static void check(Future<Answer> future) throws IOException, InterruptedException {
        try {
            Answer answer = future.get();
            if (answer.status() != 200) {
                throw new LoadFailedException("setting up the load: a call answered " + answer.status() + ": "
                        + answer.body());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new LoadFailedException("setting up the load failed: " + e.getCause());
        }
    }

    private static String customer(LoadPlan.Customer customer) {
        return "{\"name\":\"Load customer " + customer.id() + "\",\"email\":\"" + customer.id()
                + "@example.com\",\"address\":{\"line1\":\"1 Rue du Test\",\"city\":\"Lyon\",\"postcode\":\"69001\","
                + "\"country\":\"" + customer.country() + "\"}}";
    }
}
