package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PlatformRun}'s requests run in parallel: an answer it must not accept still fails the caller. */
class PlatformRunTest {
    private final Scenario scenario = Scenario.generate(1, 5, 3, 20);

    @Test
    void shouldFailTheSetUpWhenADepositIsNotAcknowledged() {
        try (FakeApi fake = new FakeApi((method, path) -> path.endsWith("/deposits") && path.contains("c-3")
                ? new FakeApi.Answer(503, "{\"detail\":\"not ready\"}") : new FakeApi.Answer(200, "{}"))) {
            assertThatThrownBy(() -> PlatformRun.setUp(fake.api(), scenario))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("1 of 5 calls failed");
        }
    }

    @Test
    void shouldFailThePlacingWhenAnOrderIsNotAccepted() {
        try (FakeApi fake = new FakeApi((method, path) -> path.equals("/api/orders")
                ? new FakeApi.Answer(500, "{}") : new FakeApi.Answer(202, "{}"))) {
            assertThatThrownBy(() -> PlatformRun.placeAll(fake.api(), scenario))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("20 of 20 calls failed");
        }
    }

    @Test
    void shouldPassWhenEveryRequestIsAnsweredAsExpected() throws Exception {
        try (FakeApi fake = new FakeApi((method, path) -> new FakeApi.Answer(
                path.startsWith("/api/orders") ? 202 : 200, "{}"))) {
            PlatformRun.setUp(fake.api(), scenario);
            Map<String, Integer> cancels = PlatformRun.placeAll(fake.api(), scenario);
            org.assertj.core.api.Assertions.assertThat(cancels.values()).containsOnly(202);
        }
    }
}
