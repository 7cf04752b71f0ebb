package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** What the console's tests check on the page, in headless Chromium: the orders' steps, an order's timeline, the charts. */
final class ConsolePage {
    private ConsolePage() {
    }

    /**
     * The steps of every order listed that do not lie within their card and the table's view (by order
     * id and text), or "" when all do; also checks each order has the steps it was listed with.
     */
    static String stepsOutsideTheCard(HeadlessChromium browser) {
        return (String) browser.script("""
                const rows = [...document.querySelectorAll('#orders tbody tr[data-order]')];
                if (rows.length === 0) return 'no orders listed';
                const card = rows[0].closest('.card').getBoundingClientRect();
                const view = rows[0].closest('.scroll').getBoundingClientRect();
                const right = Math.min(card.right, view.right, window.innerWidth);
                const outside = rows.flatMap((row) => [...row.querySelectorAll('.step')]).filter((step) => {
                  const r = step.getBoundingClientRect();
                  return r.width === 0 || r.left < card.left || r.right > right + 0.5;
                });
                return outside.map((step) => step.closest('tr').dataset.order + ' ' + step.textContent).join(', ');
                """);
    }

    /**
     * The orders' cells that run into a neighbour, or whose content runs out of them (by order id and
     * column), or "".
     */
    static String cellsOverlapping(HeadlessChromium browser) {
        return (String) browser.script("""
                const found = [];
                for (const row of document.querySelectorAll('#orders tbody tr[data-order]')) {
                  const cells = [...row.cells];
                  cells.forEach((cell, i) => {
                    const a = cell.getBoundingClientRect();
                    if (cell.scrollWidth > cell.clientWidth + 1) found.push(`${row.dataset.order} column ${i + 1} overflows`);
                    cells.slice(i + 1).forEach((other, k) => {
                      const b = other.getBoundingClientRect();
                      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                        found.push(`${row.dataset.order} columns ${i + 1} and ${i + k + 2} overlap`);
                      }
                    });
                  });
                }
                return found.join(', ');
                """);
    }

    /**
     * The timeline's hops as drawn, in order: their label's text, and the left edge and width of their
     * track, wait bar and processing bar, in px.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> timelineHops(HeadlessChromium browser) {
        return (List<Map<String, Object>>) browser.script("""
                const box = (el) => el ? { left: el.getBoundingClientRect().left, width: el.getBoundingClientRect().width }
                                       : { left: 0, width: 0 };
                return [...document.querySelectorAll('#timeline-hops .hop:not(.axis)')].map((hop) => ({
                  label: hop.querySelector('.hop-label').innerText.replace(/\\s+/g, ' ').trim(),
                  figures: hop.querySelector('.hop-figures').textContent,
                  title: hop.title,
                  track: box(hop.querySelector('.track')),
                  wait: box(hop.querySelector('.track .wait')),
                  work: box(hop.querySelector('.track .work')),
                }));
                """);
    }

    /**
     * What of the timeline card lies outside it or runs out of its box (by class and text), or "";
     * also "" only when the page does not scroll sideways.
     */
    static String timelineOutsideItsCard(HeadlessChromium browser) {
        return (String) browser.script("""
                const card = document.querySelector('#timeline');
                const c = card.getBoundingClientRect();
                const right = Math.min(c.right, window.innerWidth);
                const found = [...card.querySelectorAll('h2 *, .timeline-summary *, .hop, .hop > *, .track i')]
                  .filter((el) => {
                    const r = el.getBoundingClientRect();
                    return r.width > 0 && (r.left < c.left - 0.5 || r.right > right + 0.5
                        || el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'I');
                  }).map((el) => `${el.className || el.tagName} "${el.textContent.slice(0, 40)}"`);
                if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page scrolls sideways');
                return found.join(', ');
                """);
    }

    /** How many steps the first order listed with this status shows. */
    static long steps(HeadlessChromium browser, String status) {
        return (Long) browser.script("const row = document.querySelector(`#orders tbody tr[data-status='${arguments[0]}']`);"
                + " return row ? row.querySelectorAll('.step').length : -1", status);
    }

    /** The chart has drawn points, and its x axis ends now and spans 5 minutes, whatever their values. */
    static void assertLastFiveMinutes(HeadlessChromium browser, String chart) {
        assertThat(Integer.parseInt(browser.attribute(chart, "data-points"))).as(chart).isGreaterThanOrEqualTo(2);
        assertAxisIsTheLastFiveMinutes(browser, chart);
    }

    /** The chart's x axis ends now and spans 5 minutes, with or without points. */
    static void assertAxisIsTheLastFiveMinutes(HeadlessChromium browser, String chart) {
        double now = ((Number) browser.script("return Date.now() / 1000")).doubleValue();
        long from = Long.parseLong(browser.attribute(chart, "data-from"));
        long to = Long.parseLong(browser.attribute(chart, "data-to"));
        assertThat(to).as("%s: the axis's end, against now %s", chart, now).isBetween((long) now - 10, (long) now + 1);
        assertThat(to - from).as("%s: the axis's span", chart).isEqualTo(300);
    }

    /** What a chart says over its grid when it has nothing to draw, or "" when it draws. */
    static String emptyNote(HeadlessChromium browser, String chart) {
        return (String) browser.script("const note = document.querySelector(arguments[0] + ' .chart-empty');"
                + " return note && !note.hidden && note.offsetWidth > 0 ? note.textContent : ''", chart);
    }
}
