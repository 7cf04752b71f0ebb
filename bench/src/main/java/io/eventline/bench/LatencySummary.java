package io.eventline.bench;

/**
 * Latencies of one phase in milliseconds, each measured from when the request was meant to leave
 * (see {@link OpenLoop}), at {@code rate} requests per second. {@code failed}: requests with no
 * answer (rejected, or none before the phase gave up waiting); they are not in the percentiles.
 */
record LatencySummary(double rate, long count, double p50, double p99, double p999, double max, long failed) {
}
