package io.eventline.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long each phase may take, from {@code --seconds S}: every phase is bounded by S and takes a
 * fraction of it (a third for throughput and each saga phase, a quarter for latency), so that
 * {@code --seconds 20} runs in about six to seven minutes on two cores (6 min 48 s measured with the
 * minimal saga and the one-at-a-time orders, on a loaded machine).
 *
 * @param sagaCommitIntervals the commit intervals the order saga runs at, in each style
 */
record Plan(int seconds, List<Integer> sagaCommitIntervals) {
    /** Requests per second of the latency phases of raw Kafka and the command hop (KAFKA-NOTES' rate). */
    static final double LATENCY_RATE = 2_000;
    /** Orders in flight at once while saturating: enough to keep every stage busy. */
    static final int SATURATION_WINDOW = 2_000;
    static final int CUSTOMERS = 100;
    static final int SKUS = 20;
    /**
     * Orders placed at once, untimed, before each saga run's phases: as many as a saturation phase keeps
     * in flight, so that the JIT has compiled the paths a phase takes. With 50, a JVM's first saga run
     * measured its cold code: 9–14 ms of CPU an order against 3–5 ms in the same run's later ones.
     */
    static final int WARM_UP_ORDERS = SATURATION_WINDOW;
    /** Rounds of {@link #WARM_UP_ORDERS} through the gateway in the JVM's warm-up (SagaBench.warmUpJvm). */
    static final int JVM_WARM_UP_ROUNDS = 3;
    /** Orders one after another through REST in the JVM's warm-up: the path the idle orders are timed on. */
    static final int JVM_WARM_UP_REST_ORDERS = 100;
    static final int COMMIT_MS = 100;
    /** Commands the command hop's warm-up may read, under each guarantee: ~25,000/s for {@link #warmUpCap()}. */
    static final int HOP_WARM_UP_COMMANDS = 600_000;
    /** The windows whose rates a warm-up compares to tell that it is steady ({@link StreamsRate#untilSteady}). */
    static final Duration WARM_UP_WINDOW = Duration.ofSeconds(2);

    Plan {
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("--seconds: 1 to 600, was " + seconds);
        }
        sagaCommitIntervals = List.copyOf(sagaCommitIntervals);
        if (sagaCommitIntervals.isEmpty() || sagaCommitIntervals.stream().anyMatch(ms -> ms < 1 || ms > 60_000)) {
            throw new IllegalArgumentException("--commit-intervals: 1 to 60000 ms each, was " + sagaCommitIntervals);
        }
    }

    Duration throughput() {
        return share(1 / 3.0);
    }

    /** The longest untimed run of the command hop (each guarantee) and of the hand-written Streams count. */
    Duration warmUpCap() {
        return share(1.0);
    }

    Duration latency() {
        return share(0.25);
    }

    /** Each of the saga's two phases (saturation, half rate); four runs of the platform share the time. */
    Duration sagaPhase() {
        return share(1 / 3.0);
    }

    /** How long a process that got ready is left alone before its idle cost is measured: the start's tail. */
    Duration idleSettle() {
        return Duration.ofSeconds(60);
    }

    /** How long the idle cost is measured, once for the run and once for the broker alone. */
    Duration idleWindow() {
        return Duration.ofSeconds(Math.max(10, seconds));
    }

    /** Events the rebuild reads: a few seconds' worth at the rate it showed here before (about 30,000/s). */
    int rebuildEvents() {
        return 5_000 * seconds;
    }

    private Duration share(double fraction) {
        return Duration.ofMillis(Math.max(1_000, Math.round(seconds * fraction * 1_000)));
    }
}
