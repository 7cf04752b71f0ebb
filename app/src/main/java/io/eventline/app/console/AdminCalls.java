package io.eventline.app.console;

import io.eventline.http.ApiException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for an AdminClient answer; a cluster that does not answer in time is a 503, not a 500. */
final class AdminCalls {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private AdminCalls() {
    }

    static <T> T get(KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ApiException.unavailable("the cluster could not " + what + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw ApiException.unavailable("the cluster did not " + what + " within " + TIMEOUT.toSeconds() + " s");
        }
    }

    /** The 503 for a call that waited on the cluster itself and failed. */
    static ApiException unavailable(String what, Exception e) {
        String cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause().getMessage()
                : "no answer within " + TIMEOUT.toSeconds() + " s";
        return ApiException.unavailable("the cluster could not " + what + ": " + cause);
    }
}
