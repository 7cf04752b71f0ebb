package io.eventline.app;

import static io.eventline.app.ConsolePage.assertLastFiveMinutes;
import static io.eventline.app.ConsolePage.emptyNote;
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
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The console as a person uses it, in headless Chromium 1280 px wide: it asks for the API token, says
 * that no load runs, starts a load with its button, shows the orders reaching SHIPPED with every step
 * in view (also on a phone's width), the events flowing and the lag chart drawing over the last 5
 * minutes, opens a shipped order's timeline and replays a dead letter. Leaves a screenshot in
 * {@code app/target/console-browser-test.png}.
 */
@Tag("integration")
class ConsoleBrowserTest {
    private static final String TOKEN = "console-s3cret";
    private static final Path SCREENSHOT = Path.of("target", "console-browser-test.png");
    private static final int ORDERS = 20;
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1700;
    private static final int PHONE = 390;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(300) // 145 s here on a quiet machine, 180 s with a load average of 13 on its 2 cores
    void shouldShowALoadItsOrdersLagAndReplayADeadLetterWhenDrivenFromTheConsole() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open(WIDTH, HEIGHT);
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
            await("the latency chart says no load runs").atMost(Duration.ofSeconds(10))
                    .until(() -> emptyNote(browser, "#latency-chart").equals("no load running"));
            await("the lag chart's axis is the last 5 minutes").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertLastFiveMinutes(browser, "#lag-chart"));
            startLoad(browser);
            await("orders reach SHIPPED in the orders panel").atMost(Duration.ofSeconds(60))
                    .until(() -> browser.count("#orders tr[data-status='SHIPPED']") > 0);
            await("every step of a shipped order in view").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertStepsInView(browser, WIDTH));
            browser.resize(PHONE, HEIGHT);
            try {
                await("the orders panel redraws at a phone's width").atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertStepsInView(browser, PHONE));
            } finally {
                browser.resize(WIDTH, HEIGHT);
            }
            await("the load ends with every order done").atMost(Duration.ofSeconds(60))
                    .until(() -> "FINISHED".equals(browser.attribute("#load-progress", "data-phase")));
            assertThat(browser.attribute("#load-progress", "data-done")).isEqualTo(String.valueOf(ORDERS));
            await("every step of every order in view once all ended").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertStepsInView(browser, WIDTH));
            await("the live flow shows events").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.count("#flow-list li:not(.empty)") > 0);
            await("the lag chart draws").atMost(Duration.ofSeconds(30))
                    .until(() -> Integer.parseInt(browser.attribute("#lag-chart", "data-points")) >= 3
                            && browser.count("#lag-chart canvas") == 1 && browser.count("#consumers tr[data-group]") > 0);

            assertLastFiveMinutes(browser, "#lag-chart");
            assertThat(emptyNote(browser, "#latency-chart")).as("the latency chart has drawn the load").isEmpty();

            // The load's skus are not in the catalog: their sales come out enriched as "uncatalogued".
            await("the revenue panel shows the load's sales by category").atMost(Duration.ofSeconds(60))
                    .until(() -> browser.count("#revenue tr[data-category='uncatalogued']") == 1);
            assertThat(browser.attribute("#connectors", "data-running")).as("the catalog's connectors").isEqualTo("true");
            assertThat((String) browser.script("return document.querySelector('#connectors').textContent"))
                    .matches("source and sink connectors running · slot lag [0-9.]+ (B|KB|MB)");

            openAShippedOrdersTimeline(browser);
            replayADeadLetter(browser);
    }

    /** The timeline of a shipped order, read off the topics' trace headers: its hops down to order.shipped. */
    private static void openAShippedOrdersTimeline(HeadlessChromium browser) {
        // One script, not find() then click(): the orders panel redraws its rows every 2 s.
        browser.script("document.querySelector(\"#orders tr[data-status='SHIPPED'] .timeline-link\").click()");
        await("a shipped order's timeline drawn").atMost(Duration.ofSeconds(30))
                .until(() -> "drawn".equals(browser.attribute("#timeline", "data-state")));
        assertThat((String) browser.script("return [...document.querySelectorAll('#timeline-hops .hop:not(.axis)')]"
                + ".map((hop) => (hop.dataset.service || '?') + ': ' + hop.querySelector('.hop-types').textContent)"
                + ".join('; ')"))
                .as("the hops drawn: by service, what they wrote")
                .contains("order.placed", "payment.taken", "order.shipped").doesNotContain("?");
        assertThat((String) browser.script("return document.querySelector('#timeline-trace').textContent"))
                .matches("[0-9a-f]{32}");
    }

    /**
     * Every step of every order listed lies within its card and the table's view: a shipped order's three
     * (payment, stock, shipment), and a cancelled one's beside its reason.
     */
    private static void assertStepsInView(HeadlessChromium browser, int width) {
        assertThat(browser.viewportWidth()).as("the page's width").isEqualTo(width);
        assertThat(ConsolePage.steps(browser, "SHIPPED")).as("a shipped order's steps at %d px", width).isEqualTo(3);
        assertThat(ConsolePage.stepsOutsideTheCard(browser)).as("steps outside their card at %d px", width).isEmpty();
        assertThat(ConsolePage.cellsOverlapping(browser)).as("cells overlapping at %d px", width).isEmpty();
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
        type(browser, "#load-failures", "30"); // cancelled orders too: a reason beside the status, compensations
        browser.find("#load-start").click();
        await("the load starts").atMost(Duration.ofSeconds(10))
                .until(() -> !"IDLE".equals(browser.attribute("#load-progress", "data-phase")));
    }

    private static void replayADeadLetter(HeadlessChromium browser) {
        await("the garbage record is dead-lettered").atMost(Duration.ofSeconds(60))
                .until(() -> browser.count("#dlq tr[data-replayed='false'] button.replay") > 0);
        String id = browser.attribute("#dlq tr[data-replayed='false']", "data-id");
        // The table is drawn anew at each refresh: a button found just before one is gone; find it again.
        await("the replay button clicked").atMost(Duration.ofSeconds(30))
                .ignoreException(StaleElementReferenceException.class).until(() -> {
                    browser.find("#dlq tr[data-id='" + id + "'] button.replay").click();
                    return true;
                });
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
                EventlineConfig.Saga.CHOREOGRAPHY, withCatalog());
    }

    /** The order services and the catalog, whose revenue per category the console shows. */
    private static java.util.List<String> withCatalog() {
        java.util.List<String> services = new java.util.ArrayList<>(EventlineConfig.ORDER_SERVICES);
        services.add(CatalogModule.NAME);
        return services;
    }
}
