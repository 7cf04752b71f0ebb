package io.eventline.app;

import static io.eventline.app.ConsolePage.assertLastFiveMinutes;
import static io.eventline.app.ConsolePage.emptyNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console in headless Chromium against a stand-in API that answers exactly what issue 22 saw: every
 * consumer group's lag at 0 (one flat series, whose time axis once ran from 2027 to 2029), no load, no
 * events, and orders with their longest lists of steps. Cheap and deterministic; ConsoleBrowserTest
 * does the same checks against a running Eventline.
 */
class ConsoleLayoutTest {
    private static final int HEIGHT = 1000;
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String SHIPPED = "load-mx9co6bc-o-000017";

    @Test
    @Timeout(120)
    void shouldKeepTheLastFiveMinutesAndSaySoWhenEveryChartIsFlatOrEmpty() throws Exception {
        try (ConsoleStandIn api = idle(); HeadlessChromium browser = HeadlessChromium.open(1440, HEIGHT)) {
            browser.get(api.url());
            try {
                await("the lag chart has drawn twice").atMost(SETTLE)
                        .until(() -> Integer.parseInt(browser.attribute("#lag-chart", "data-points")) >= 2);
                await("the throughput chart has drawn twice").atMost(SETTLE)
                        .until(() -> Integer.parseInt(browser.attribute("#throughput-chart", "data-points")) >= 2);

                assertLastFiveMinutes(browser, "#lag-chart");
                assertLastFiveMinutes(browser, "#throughput-chart");
                ConsolePage.assertAxisIsTheLastFiveMinutes(browser, "#latency-chart");
                assertThat(emptyNote(browser, "#lag-chart")).isEqualTo("no lag");
                assertThat(emptyNote(browser, "#throughput-chart")).isEqualTo("no events");
                assertThat(emptyNote(browser, "#latency-chart")).isEqualTo("no load running");

                api.answering("/api/consumers", consumers(42));
                await("the lag chart draws the lag").atMost(SETTLE)
                        .until(() -> emptyNote(browser, "#lag-chart").isEmpty());
                assertLastFiveMinutes(browser, "#lag-chart");
            } finally {
                browser.screenshot(Path.of("target", "console-layout-test.png"));
            }
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 1440, 1920, 390})
    @Timeout(120)
    void shouldShowEveryStepOfEveryOrderWithinItsCardWhenTheWindowIsThisWide(int width) throws Exception {
        try (ConsoleStandIn api = idle(); HeadlessChromium browser = HeadlessChromium.open(width, HEIGHT)) {
            browser.get(api.url());
            try {
                await("the orders listed").atMost(SETTLE).until(() -> browser.count("#orders tr[data-order]") == 4);
                assertThat(browser.viewportWidth()).as("the page's width").isEqualTo(width);

                assertThat(ConsolePage.steps(browser, "SHIPPED")).isEqualTo(3);
                assertThat(ConsolePage.steps(browser, "CANCELLED")).isEqualTo(5);
                assertThat(ConsolePage.stepsOutsideTheCard(browser)).as("steps outside their card at %d px", width)
                        .isEmpty();
                assertThat(ConsolePage.cellsOverlapping(browser)).as("cells overlapping at %d px", width).isEmpty();
            } finally {
                browser.script("document.querySelector('.card.orders').scrollIntoView()");
                browser.screenshot(Path.of("target", "console-layout-test-" + width + ".png"));
            }
        }
    }

    @ParameterizedTest(name = "{0} px")
    // The widest and the narrowest: the layout test above covers the widths between, and the default
    // run must stay under 15 minutes.
    @ValueSource(ints = {1920, 390})
    @Timeout(120)
    void shouldDrawEachHopOfAnOrderToScaleWithinItsCardWhenTheWindowIsThisWide(int width) throws Exception {
        try (ConsoleStandIn api = idle().answering("/api/traces", CannedTrace.json(SHIPPED, CannedTrace.SHIPPED));
             HeadlessChromium browser = HeadlessChromium.open(width, HEIGHT)) {
            browser.get(api.url());
            try {
                openTimeline(browser);
                await("the timeline drawn").atMost(SETTLE).until(() -> "drawn".equals(browser.attribute("#timeline", "data-state")));

                List<Map<String, Object>> drawn = ConsolePage.timelineHops(browser);
                assertThat(drawn).hasSize(CannedTrace.SHIPPED.size());
                long span = CannedTrace.SHIPPED.stream().mapToLong(hop -> hop.waited() + hop.processing()).sum();
                long cause = 0;
                for (int i = 0; i < CannedTrace.SHIPPED.size(); i++) {
                    CannedTrace.Hop hop = CannedTrace.SHIPPED.get(i);
                    Map<String, Object> row = drawn.get(i);
                    assertThat(row.get("label")).as("hop %d", i).isEqualTo(hop.service() + " " + hop.step() + " " + hop.type());
                    assertThat(row.get("figures")).as("hop %d", i).isEqualTo(hop.figures());
                    assertThat((String) row.get("title")).as("hop %d", i).contains("processing " + hop.figures().split(" · ")[1]);
                    double track = px(row, "track", "width");
                    double left = px(row, "track", "left");
                    assertThat(track).as("hop %d: its track, at %d px: one time axis for all", i, width)
                            .isCloseTo(px(drawn.get(0), "track", "width"), within(0.5));
                    assertThat(left).as("hop %d: its track's start, at %d px", i, width)
                            .isCloseTo(px(drawn.get(0), "track", "left"), within(0.5));
                    assertThat(px(row, "wait", "left") - left).as("hop %d: where its wait starts, at %d px", i, width)
                            .isCloseTo(track * cause / span, within(1.0));
                    assertThat(px(row, "wait", "width")).as("hop %d: its wait, at %d px", i, width)
                            .isCloseTo(track * hop.waited() / span, within(1.0));
                    assertThat(px(row, "work", "left") - left).as("hop %d: where its processing starts, at %d px", i, width)
                            .isCloseTo(track * (cause + hop.waited()) / span, within(1.0));
                    assertThat(px(row, "work", "width")).as("hop %d: its processing, at %d px", i, width)
                            .isCloseTo(Math.max(1, track * hop.processing() / span), within(1.0));
                    cause += hop.waited() + hop.processing();
                }
                assertThat(text(browser, "#timeline-total")).isEqualTo("119.6 ms");
                assertThat(text(browser, "#timeline-trace")).isEqualTo(CannedTrace.TRACE_ID);
                assertThat(ConsolePage.timelineOutsideItsCard(browser)).as("outside the timeline's card at %d px", width)
                        .isEmpty();
            } finally {
                browser.script("document.querySelector('#timeline').scrollIntoView()");
                browser.screenshot(Path.of("target", "console-layout-test-timeline-" + width + ".png"));
            }
        }
    }

    @Test
    @Timeout(120)
    void shouldSayWhatHappenedWhenAnOrdersTraceIsNotFoundBusyOrEmpty() throws Exception {
        try (ConsoleStandIn api = idle(); HeadlessChromium browser = HeadlessChromium.open(1280, HEIGHT)) {
            browser.get(api.url());
            api.answering("/api/traces", 404, CannedTrace.problem(404, "no order.placed of " + SHIPPED + " in orders.events"));
            openTimeline(browser);
            await("the timeline says it is not found").atMost(SETTLE)
                    .until(() -> "error-404".equals(browser.attribute("#timeline", "data-state")));
            assertThat(text(browser, "#timeline-hops"))
                    .isEqualTo("No trace of " + SHIPPED + ": no order.placed of " + SHIPPED + " in orders.events");

            api.answering("/api/traces", 503, CannedTrace.problem(503, "already 4 trace searches under way; try again"));
            browser.find("#timeline-reload").click();
            await("the timeline says the API is busy").atMost(SETTLE)
                    .until(() -> "error-503".equals(browser.attribute("#timeline", "data-state")));
            assertThat(text(browser, "#timeline-hops"))
                    .isEqualTo("The API is busy reading other traces: already 4 trace searches under way; try again");

            api.answering("/api/traces", CannedTrace.json(SHIPPED, List.of()));
            browser.find("#timeline-reload").click();
            await("the timeline says it has no hops").atMost(SETTLE)
                    .until(() -> "empty".equals(browser.attribute("#timeline", "data-state")));
            assertThat(text(browser, "#timeline-hops")).isEqualTo("The trace of " + SHIPPED + " has no timed hops yet.");

            browser.find("#timeline-close").click();
            assertThat((Boolean) browser.script("return document.querySelector('#timeline').hidden")).isTrue();
        }
    }

    private static void openTimeline(HeadlessChromium browser) {
        await("the orders listed").atMost(SETTLE).until(() -> browser.count("#orders tr[data-order]") == 4);
        // One script, not find() then click(): the orders panel redraws its rows every 2 s.
        browser.script("document.querySelector(`#orders tr[data-order='${arguments[0]}'] .timeline-link`).click()", SHIPPED);
    }

    private static double px(Map<String, Object> hop, String part, String edge) {
        return ((Number) ((Map<?, ?>) hop.get(part)).get(edge)).doubleValue();
    }

    private static String text(HeadlessChromium browser, String css) {
        return (String) browser.script("return document.querySelector(arguments[0]).textContent", css);
    }

    /** Eventline at rest: no load, every group caught up, orders that ended in each way. */
    private static ConsoleStandIn idle() {
        return new ConsoleStandIn()
                .answering("/api/load", """
                        {"running":false,"phase":"IDLE","orders":0,"sent":0,"done":0,"failed":0,"outcomes":{},
                         "throughput":0,"p50":0,"p99":0,"recent":{"seconds":5,"orders":0,"p50":0,"p99":0},"error":null}""")
                .answering("/api/consumers", consumers(0))
                .answering("/api/orders", "[" + String.join(",",
                        order(SHIPPED, "SHIPPED", null, "payment DONE", "stock DONE", "shipment DONE"),
                        order("o-" + "x".repeat(62), "CANCELLED", "SHIPPING_UNAVAILABLE", "payment DONE", "stock DONE",
                                "shipment FAILED", "payment.refund DONE", "stock.release DONE"),
                        order("load-mx9co6bc-o-000018", "CANCELLED", "OUT_OF_STOCK", "payment DONE", "stock FAILED",
                                "payment.refund DONE"),
                        order("load-mx9co6bc-o-000019", "CANCELLED", "TIMED_OUT", "payment TIMED_OUT")) + "]")
                .answering("/api/topics", "[]")
                .answering("/api/dlq", "[]");
    }

    /** Eventline's groups, each with six partitions of one topic, the first {@code lag} behind. */
    private static String consumers(long lag) {
        return IntStream.range(0, 8).mapToObj(i -> {
            String partitions = IntStream.range(0, 6).mapToObj(p -> String.format(
                    "{\"topic\":\"orders.events\",\"partition\":%d,\"committed\":100,\"endOffset\":%d,\"lag\":%d}",
                    p, 100 + (p == 0 ? lag : 0), p == 0 ? lag : 0)).collect(Collectors.joining(","));
            return String.format("{\"group\":\"eventline-service-%d\",\"state\":\"STABLE\",\"lag\":%d,\"partitions\":[%s]}",
                    i, lag, partitions);
        }).collect(Collectors.joining(",", "[", "]"));
    }

    /** An order of the largest total there is, with these steps ("step OUTCOME"). */
    private static String order(String id, String status, String reason, String... steps) {
        String listed = Arrays.stream(steps).map(step -> step.split(" ")).map(step -> String.format(
                "{\"step\":\"%s\",\"outcome\":\"%s\",\"at\":\"2026-12-04T19:00:00.000Z\"}", step[0], step[1]))
                .collect(Collectors.joining(","));
        return String.format("{\"orderId\":\"%s\",\"customerId\":\"c-1\",\"items\":[],\"total\":1000000000.00,"
                        + "\"currency\":\"EUR\",\"status\":\"%s\"%s,\"steps\":[%s],\"version\":5}", id, status,
                reason == null ? "" : ",\"reason\":\"" + reason + "\"", listed);
    }
}
