package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as a person uses it, in headless Chromium: it asks for the API token, starts a load with
 * its button, shows the orders reaching SHIPPED, the events flowing and the lag chart drawing, and
 * replays a dead letter. Leaves a screenshot in {@code app/target/console-browser-test.png}.
 */
@Tag("integration")
class ConsoleBrowserTest {
    private static final String TOKEN = "console-s3cret";
    private static final Path SCREENSHOT = Path.of("target", "console-browser-test.png");
    private static final int ORDERS = 20;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(180)
    void shouldShowALoadItsOrdersLagAndReplayADeadLetterWhenDrivenFromTheConsole() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open(1600, 1700);
             Eventline eventline = Eventline.start(config());
             BadRecords bad = new BadRecords(eventline.bootstrapServers())) {
            eventline.awaitReady(Duration.ofSeconds(120));
            bad.raw("orders.events", "rogue-1", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
            browser.get("http://127.0.0.1:" + eventline.httpPort() + "/");
            try {
                useTheConsole(browser);
            } finally {
                browser.screenshot(SCREENSHOT); // also of a failure: it shows what the console showed
            }
        }
    }

    private static void useTheConsole(HeadlessChromium browser) {
            unlock(browser);
            startLoad(browser);
            await("orders reach SHIPPED in the orders panel").atMost(Duration.ofSeconds(60))
                    .until(() -> browser.count("#orders tr[data-status='SHIPPED']") > 0);
            await("the load ends with every order done").atMost(Duration.ofSeconds(60))
                    .until(() -> "FINISHED".equals(browser.attribute("#load-progress", "data-phase")));
            assertThat(browser.attribute("#load-progress", "data-done")).isEqualTo(String.valueOf(ORDERS));
            await("the live flow shows events").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.count("#flow-list li:not(.empty)") > 0);
            await("the lag chart draws").atMost(Duration.ofSeconds(30))
                    .until(() -> Integer.parseInt(browser.attribute("#lag-chart", "data-points")) >= 3
                            && browser.count("#lag-chart canvas") == 1 && browser.count("#consumers tr[data-group]") > 0);

            replayADeadLetter(browser);
    }

    private static void unlock(HeadlessChromium browser) {
        await("the console asks for the token").atMost(Duration.ofSeconds(30))
                .until(() -> (Boolean) browser.script("return document.querySelector('#token-dialog').open"));
        browser.find("#token-input").sendKeys(TOKEN);
        browser.find("#token-submit").click();
        await("the console reads the API with the token").atMost(Duration.ofSeconds(30))
                .until(() -> browser.count("#consumers tr[data-group]") > 0);
    }

    private static void startLoad(HeadlessChromium browser) {
        type(browser, "#load-orders", String.valueOf(ORDERS));
        type(browser, "#load-rate", "10");
        type(browser, "#load-failures", "0");
        browser.find("#load-start").click();
        await("the load starts").atMost(Duration.ofSeconds(10))
                .until(() -> !"IDLE".equals(browser.attribute("#load-progress", "data-phase")));
    }

    private static void replayADeadLetter(HeadlessChromium browser) {
        await("the garbage record is dead-lettered").atMost(Duration.ofSeconds(60))
                .until(() -> browser.count("#dlq tr[data-replayed='false'] button.replay") > 0);
        String id = browser.attribute("#dlq tr[data-replayed='false']", "data-id");
        browser.find("#dlq tr[data-id='" + id + "'] button.replay").click();
        await("the dead letter shows as replayed").atMost(Duration.ofSeconds(30))
                .until(() -> "true".equals(browser.attribute("#dlq tr[data-id='" + id + "']", "data-replayed")));
    }

    private static void type(HeadlessChromium browser, String css, String text) {
        browser.find(css).clear();
        browser.find(css).sendKeys(text);
    }

    private EventlineConfig config() {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.of(TOKEN)),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir.resolve("eventline"),
                EventlineConfig.Saga.CHOREOGRAPHY, EventlineConfig.ORDER_SERVICES);
    }
}
