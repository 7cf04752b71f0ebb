package io.eventline.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Records latencies into an HdrHistogram, each from the request's <em>intended</em> send time: when a
 * sender stalls, the requests queued behind the stall count their wait, instead of the stall hiding
 * as one slow request (coordinated omission). Thread-safe.
 */
final class LatencyRecorder {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Histogram histogram = new Histogram(MAX_MICROS, 3);
    private final double rate;
    private long failed;

    /** @param rate the intended requests per second, reported with the figures */
    LatencyRecorder(double rate) {
        this.rate = rate;
    }

    /** @param intendedNanos when the request was meant to be sent ({@link System#nanoTime()} scale) */
    synchronized void record(long intendedNanos, long answeredNanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(Math.max(0, answeredNanos - intendedNanos));
        histogram.recordValue(Math.min(micros, MAX_MICROS));
    }

    synchronized void failed(long requests) {
        failed += requests;
    }

    synchronized long recorded() {
        return histogram.getTotalCount();
    }

    synchronized LatencySummary summary() {
        return new LatencySummary(rate, histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
                millis(histogram.getMaxValue()), failed);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
