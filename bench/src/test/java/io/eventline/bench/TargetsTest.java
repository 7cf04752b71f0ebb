package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
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
                Tuple.tuple("command hop (exactly-once) vs hand-written Streams, records/s", true),
                Tuple.tuple("command hop (exactly-once) vs the same job hand-written in Streams, records/s", false),
                Tuple.tuple("exactly-once vs at-least-once, command hop records/s", false),
                Tuple.tuple("completed orders/s vs raw ideal (choreography, commit 20 ms)", true),
                Tuple.tuple("p50 placed→shipped at half saturation vs minimal saga (choreography, commit 20 ms)", true),
                Tuple.tuple("p99 placed→shipped at half saturation vs minimal saga (choreography, commit 20 ms)", true),
                Tuple.tuple("sustained orders/s vs minimal saga (choreography, commit 20 ms)", true),
                Tuple.tuple("one order on the idle platform, median (choreography, commit 20 ms)", true),
                Tuple.tuple("p50 placed→shipped at half saturation (choreography, commit 20 ms)", true),
                Tuple.tuple("p99 placed→shipped at half saturation (choreography, commit 20 ms)", true),
                Tuple.tuple("sustained orders/s (choreography, commit 20 ms)", true),
                Tuple.tuple("committed records per order (choreography, commit 20 ms)", true),
                Tuple.tuple("projection rebuild vs raw consumer, records/s", false),
                Tuple.tuple("cold ./eventline run to ready", true),
                Tuple.tuple("idle ./eventline run, CPU (the embedded broker alone: 1.5 %)", false),
                Tuple.tuple("idle ./eventline run, threads (the embedded broker alone: 88)", true),
                Tuple.tuple("idle ./eventline run, CPU vs the minimal saga at rest", false),
                Tuple.tuple("idle ./eventline run, threads vs the minimal saga at rest", true));
        Target.Ratio orders = (Target.Ratio) targets.get(3);
        assertThat(orders.baseline()).as("200,000 records/s ÷ 40 records per order").isEqualTo(5_000);
        assertThat(orders.ratio()).isEqualTo(0.5);
        assertThat(((Target.Ratio) targets.get(1)).ratio()).as("45,000 ÷ 70,000").isCloseTo(0.643, within(1e-3));
        assertThat(((Target.Ratio) targets.get(2)).ratio()).isCloseTo(0.5, within(1e-12));
        assertThat(((Target.Limit) targets.get(7)).floor()).as("the minimal saga's idle median beside").isEqualTo(40);
    }

    @Test
    void shouldHoldEachSagaRunToTheMinimalSagaAtItsOwnCommitInterval() {
        Results.MinimalRun at100 = minimal(100, 1_000, latency(400));
        Results.SagaRun saga = saga(20, 100, 2_000, latency(200), 40);

        List<Target> targets = Targets.of(results(List.of(at100, minimal(20, 3_000, latency(150))), saga));

        assertThat(((Target.Within) targets.get(5)).baseline()).as("p99 of the minimal saga at 20 ms").isEqualTo(150);
        assertThat(((Target.Ratio) targets.get(6)).baseline()).isEqualTo(3_000);
        assertThat(Targets.of(results(List.of(at100), saga)).get(6)).extracting(t -> ((Target.Ratio) t).baseline())
                .as("none at 20 ms: the first one").isEqualTo(1_000.0);
    }

    @Test
    void shouldMissEveryRuleOfIssue16WhenEachFigureIsJustBeyondIt() {
        // p50 and p99 just over 1.5× the floor's; orders/s just under 2/3 of it; each absolute one just beyond.
        Results.MinimalRun floor = minimal(20, 3_000, new LatencySummary(100, 1_000, 66.7, 166.7, 200, 200, 0));
        Results.SagaRun saga = new Results.SagaRun("choreography", 20, idle(150.1), Timeline.none(), perSecond(1_999),
                perSecond(1_999), new LatencySummary(100, 1_000, 100.1, 250.1, 300, 300, 0),
                new RecordsPerOrder(1_000, Map.of(TopicKind.EVENTS, 40_001L), 40_001), Double.NaN, List.of());
        List<Target> targets = Targets.of(results(List.of(floor), saga)).subList(4, 12);

        assertThat(targets).extracting(Target::met).containsOnly(false);
        assertThat(new Target.Within("p50", 75, 50, 1.5).met()).isTrue();
        assertThat(new Target.Within("p50", 75.1, 50, 1.5).met()).isFalse();
        assertThat(new Target.Within("p50", 75, 0, 1.5).met()).as("no floor measured").isFalse();
        assertThat(new Target.AtLeast("orders/s", 2_000, 2_000, "orders/s", Double.NaN).met()).isTrue();
        assertThat(new Target.Limit("idle", Double.NaN, 150, "ms").met()).as("not measured").isFalse();
    }

    /** Figures made up so that each target sits where the test wants it. */
    private static Results results() {
        Results.SagaRun saga = saga(20, 99, 2_500, latency(160), 40);
        return results(List.of(minimal(20, 3_600, latency(110))), saga);
    }

    private static Results.SagaRun saga(int commitMs, double idleMedian, long ordersPerSecond, LatencySummary halfRate,
                                        long recordsPerOrder) {
        RecordsPerOrder records = new RecordsPerOrder(1_000, Map.of(TopicKind.EVENTS, 10_000L,
                TopicKind.CHANGELOG, (recordsPerOrder - 10) * 1_000), 45_000);
        return new Results.SagaRun("choreography", commitMs, idle(idleMedian), Timeline.none(),
                perSecond(ordersPerSecond), perSecond(ordersPerSecond), halfRate, records, Double.NaN, List.of());
    }

    private static Results.MinimalRun minimal(int commitMs, long ordersPerSecond, LatencySummary halfRate) {
        return new Results.MinimalRun(commitMs, idle(40), perSecond(ordersPerSecond), perSecond(ordersPerSecond),
                halfRate, new RecordsPerOrder(1_000, Map.of(TopicKind.OTHER, 6_000L), 6_000), Timeline.none(), Double.NaN);
    }

    @Test
    void shouldJudgeTheColdStartOnAStartWithTheAotCacheTheFirstRecorded() {
        IdleCost rest = new IdleCost(2.1, 100, Duration.ofSeconds(20));
        Results.AtRest atRest = new Results.AtRest(rest, null);
        Results.ColdStart recorded = new Results.ColdStart(9.5, 9.0, new Results.Start(7.0, 6.5), atRest, rest, atRest);
        Results.ColdStart firstOnly = new Results.ColdStart(9.5, 9.0, null, atRest, rest, atRest);

        assertThat(recorded.targetSeconds()).as("a user's every start but the first after a build").isEqualTo(7.0);
        assertThat(firstOnly.targetSeconds()).as("no cache before JDK 25: the one start").isEqualTo(9.5);
    }

    @Test
    void shouldHoldTheIdleRunToTheMinimalSagaAtRestAndPrintItsFiguresBesideTheLimits() {
        // the floor itself over the 2 % limit: the run is held to 1.5× of it
        IdleCost floor = new IdleCost(2.6, 94, Duration.ofSeconds(20));
        IdleCost broker = new IdleCost(1.7, 84, Duration.ofSeconds(20));

        List<Target> within = idleTargets(new IdleCost(3.9, 141, Duration.ofSeconds(20)), broker, floor);
        List<Target> beyond = idleTargets(new IdleCost(3.91, 142, Duration.ofSeconds(20)), broker, floor);

        assertThat(within).extracting(Target::met).containsExactly(false, false, true, true);
        assertThat(beyond).extracting(Target::met).containsExactly(false, false, false, false);
        assertThat(((Target.Limit) within.get(0)).floor()).as("the floor's CPU beside the limit").isEqualTo(2.6);
        assertThat(((Target.Limit) within.get(1)).floor()).as("the floor's threads beside the limit").isEqualTo(94);
        assertThat(idleTargets(new IdleCost(1.0, 50, Duration.ofSeconds(20)), broker,
                new IdleCost(2.6, -1, Duration.ofSeconds(20)))).extracting(Target::met)
                .as("threads the floor could not count: missed, not met by default").containsExactly(true, true, true, false);
    }

    @Test
    void shouldJudgeTheIdleCostOnTheLaterStartsWithTheirAotCachesWhereThereAreSome() {
        IdleCost broker = new IdleCost(1.7, 84, Duration.ofSeconds(20));
        Results.AtRest run = new Results.AtRest(new IdleCost(9.0, 171, Duration.ofSeconds(20)),
                new IdleCost(3.9, 141, Duration.ofSeconds(20)));
        Results.AtRest floor = new Results.AtRest(new IdleCost(5.0, 94, Duration.ofSeconds(20)),
                new IdleCost(2.6, 94, Duration.ofSeconds(20)));

        List<Target> judged = idleTargets(run, broker, floor);

        assertThat(judged).extracting(Target::met).containsExactly(false, false, true, true);
        assertThat(((Target.Within) judged.get(2)).value()).as("the later start's").isEqualTo(3.9);
        assertThat(((Target.Within) judged.get(2)).baseline()).as("the floor's later start's").isEqualTo(2.6);
        assertThat(new Results.AtRest(run.first(), null).target()).as("no cache: the one start").isEqualTo(run.first());
    }

    private static List<Target> idleTargets(IdleCost run, IdleCost broker, IdleCost floor) {
        return idleTargets(new Results.AtRest(run, null), broker, new Results.AtRest(floor, null));
    }

    private static List<Target> idleTargets(Results.AtRest run, IdleCost broker, Results.AtRest floor) {
        Results base = results();
        Results.ColdStart cold = new Results.ColdStart(6.0, 5.5, null, run, broker, floor);
        List<Target> all = Targets.of(new Results(base.machine(), base.settings(), base.raw(), base.hop(), base.minimal(),
                base.sagas(), base.tracing(), base.rebuild(), cold));
        return all.subList(all.size() - 4, all.size());
    }

    private static SequentialOrders idle(double median) {
        return new SequentialOrders(20, median, median * 2, 0);
    }

    private static Results results(List<Results.MinimalRun> minimal, Results.SagaRun saga) {
        Results.Raw raw = new Results.Raw(perSecond(300_000), perSecond(200_000), latency(10), perSecond(50_000));
        Results.Hop hop = new Results.Hop(perSecond(45_000), latency(100), perSecond(90_000), latency(50),
                perSecond(70_000));
        Results.Rebuild rebuild = new Results.Rebuild(perSecond(30_000), perSecond(1_000_000));
        return new Results(new Machine("jdk", 2, 1, "os", "cpu", "0.1, 0.1, 0.1", "0.1, 0.1, 0.1"), new Settings(),
                raw, hop, minimal, List.of(saga), Optional.empty(), rebuild, new Results.ColdStart(6.0, 5.5, null,
                        new Results.AtRest(new IdleCost(2.1, 100, Duration.ofSeconds(20)), null),
                        new IdleCost(1.5, 88, Duration.ofSeconds(20)),
                        new Results.AtRest(new IdleCost(1.2, 70, Duration.ofSeconds(20)), null)));
    }

    private static Throughput perSecond(long count) {
        return new Throughput(count, Duration.ofSeconds(1));
    }

    private static LatencySummary latency(double p99) {
        return new LatencySummary(100, 1_000, p99 / 2, p99, p99, p99, 0);
    }
}
