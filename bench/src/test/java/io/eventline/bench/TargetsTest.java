package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void shouldDivideTheTransactionalRateByTheRecordsOfAnOrderWhenComputingTheRawIdeal() {
        assertThat(Targets.rawIdeal(80_000, 40)).isEqualTo(2_000);
        assertThat(Targets.rawIdeal(80_000, 0)).isNaN();
    }

    @Test
    void shouldMeetARatioAtItsMinimumAndMissJustBelow() {
        assertThat(new Target.Ratio("hop", 90, 100, 0.9).met()).isTrue();
        assertThat(new Target.Ratio("hop", 89.9, 100, 0.9).met()).isFalse();
        assertThat(new Target.Ratio("hop", 90, 100, 0.9).ratio()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void shouldMissARatioWhenTheBaselineIsZero() {
        Target.Ratio nothingToCompare = new Target.Ratio("hop", 10, 0, 0.5);

        assertThat(nothingToCompare.ratio()).isNaN();
        assertThat(nothingToCompare.met()).isFalse();
    }

    @Test
    void shouldMeetALimitAtItsMaximumAndMissAbove() {
        assertThat(new Target.Limit("p99", 500, 500, "ms").met()).isTrue();
        assertThat(new Target.Limit("p99", 500.1, 500, "ms").met()).isFalse();
    }

    @Test
    void shouldHoldEachFigureToItsBaselineFromTheSameRunWhenBuildingTheTargets() {
        List<Target> targets = Targets.of(results());

        assertThat(targets).extracting(Target::name, Target::met).containsExactly(
                org.assertj.core.groups.Tuple.tuple("command hop (exactly-once) vs hand-written Streams, records/s", true),
                org.assertj.core.groups.Tuple.tuple("exactly-once vs at-least-once, command hop records/s", false),
                org.assertj.core.groups.Tuple.tuple("completed orders/s vs raw ideal (choreography, commit 20 ms)", true),
                org.assertj.core.groups.Tuple.tuple("p99 placed→shipped at half saturation (choreography, commit 20 ms)", true),
                org.assertj.core.groups.Tuple.tuple("projection rebuild vs raw consumer, records/s", false),
                org.assertj.core.groups.Tuple.tuple("cold ./eventline run to ready", true));
        Target.Ratio orders = (Target.Ratio) targets.get(2);
        assertThat(orders.baseline()).as("100,000 records/s ÷ 40 records per order").isEqualTo(2_500);
        assertThat(orders.ratio()).isEqualTo(0.5);
        assertThat(((Target.Ratio) targets.get(1)).ratio()).isCloseTo(0.5, within(1e-12));
    }

    /** Figures made up so that each target sits where the test wants it. */
    private static Results results() {
        Results.Raw raw = new Results.Raw(perSecond(300_000), perSecond(100_000), latency(10), perSecond(50_000));
        Results.Hop hop = new Results.Hop(perSecond(45_000), latency(100), perSecond(90_000), latency(50));
        RecordsPerOrder records = new RecordsPerOrder(1_000, Map.of(TopicKind.EVENTS, 10_000L,
                TopicKind.CHANGELOG, 30_000L), 45_000);
        Results.SagaRun saga = new Results.SagaRun("choreography", 20, perSecond(2_000), perSecond(1_250), latency(499),
                records);
        Results.Rebuild rebuild = new Results.Rebuild(perSecond(30_000), perSecond(1_000_000));
        return new Results(new Machine("jdk", 2, 1, "os", "cpu", "0.1, 0.1, 0.1", "0.1, 0.1, 0.1"), new Settings(),
                raw, hop, List.of(saga), rebuild, new Results.ColdStart(6.0, 5.5));
    }

    private static Throughput perSecond(long count) {
        return new Throughput(count, Duration.ofSeconds(1));
    }

    private static LatencySummary latency(double p99) {
        return new LatencySummary(100, 1_000, p99 / 2, p99, p99, p99, 0);
    }
}
