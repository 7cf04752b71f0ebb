package io.eventline.core.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/**
 * Records are "at" a time in ms ("6@2": at 6 ms, the record at offset 2 of the poll) and write output
 * unless marked "-" ("6-"); "poll" stands for a poll that returned records on the thread.
 */
class CommitWhenIdleTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aRecordAfterAQuietSpellIsCommittedAtOnceAndOnesRightBehindAnotherAreNot() throws Exception {
        assertEquals(List.of(true, false, false, true, false),
                run(Map.of(), "poll", "0", "1", "poll", "2.5", "poll", "50", "50.5"));
    }

    @Test
    void aRecordAfterTheCommitAnEarlierOneOfItsPollAskedForAsksAgain() throws Exception {
        // the ask at 0 commits for 6 ms; the next record of the same poll comes after it, quiet again
        assertEquals(List.of(true, true, false), run(Map.of(), "poll3", "0", "6", "6.5"));
    }

    @Test
    void theLastRecordOfASmallPollAsksEvenRightBehindAnother() throws Exception {
        assertEquals(List.of(true, false, true), run(Map.of(), "poll3", "0@0", "1@1", "1.5@2"));
        assertEquals(List.of(false, false, false), // a poll too big to count as caught up: no ask at all
                run(Map.of(), "poll" + (CommitWhenIdle.CAUGHT_UP_RECORDS + 1), "0@0", "6@1", "6.5@4"));
    }

    @Test
    void aThreadThatFindsABatchWaitingIsBehindAndDoesNotAsk() throws Exception {
        assertEquals(List.of(true, false, true),
                run(Map.of(), "poll", "0", "poll" + (CommitWhenIdle.CAUGHT_UP_RECORDS + 1), "50",
                        "poll" + CommitWhenIdle.CAUGHT_UP_RECORDS, "100"));
    }

    @Test
    void theQuietTimeIsTheThreadsNotTheProcessors() throws Exception {
        List<Boolean> asked = onANewThread(() -> {
            MockProcessorContext<Object, Object> first = context(Map.of());
            MockProcessorContext<Object, Object> second = context(Map.of());
            CommitWhenIdle a = CommitWhenIdle.of(first);
            CommitWhenIdle b = CommitWhenIdle.of(second);
            poll(1);
            a.recordProcessed(100 * MS);
            a.outputWritten();
            poll(1);
            b.recordProcessed(101 * MS); // the thread was busy 1 ms ago, on another task
            b.outputWritten();
            return List.of(first.committed(), second.committed());
        });
        assertEquals(List.of(true, false), asked);
    }

    @Test
    void aRecordThatWritesNothingDoesNotAskHoweverQuietTheThreadWas() throws Exception {
        assertEquals(List.of(false, true), run(Map.of(), "poll", "0-", "poll", "50"));
    }

    @Test
    void theLastRecordOfASmallPollAsksForOutputAnEarlierOneLeftUncommitted() throws Exception {
        // at 0 quiet but nothing to commit; at 0.5 output, but right behind another; the last asks for it
        assertEquals(List.of(false, false, true), run(Map.of(), "poll3", "0@0-", "0.5@1", "1@2-"));
        assertEquals(List.of(false, false, false), run(Map.of(), "poll3", "0@0-", "0.5@1-", "1@2-"));
    }

    @Test
    void aRecordGoingOnThroughASecondProcessorOfItsTaskIsOneRecord() throws Exception {
        List<Boolean> asked = onANewThread(() -> {
            MockProcessorContext<Object, Object> reactionContext = context(Map.of());
            MockProcessorContext<Object, Object> deciderContext = context(Map.of());
            reactionContext.setRecordMetadata("orders.events", 0, 7);
            deciderContext.setRecordMetadata("orders.events", 0, 7);
            CommitWhenIdle reaction = CommitWhenIdle.of(reactionContext);
            CommitWhenIdle decider = CommitWhenIdle.of(deciderContext);
            poll(1);
            reaction.recordProcessed(100 * MS);
            decider.recordProcessed(100 * MS + 1); // right behind, but the same record: still quiet before it
            decider.outputWritten();
            return List.of(reactionContext.committed(), deciderContext.committed());
        });
        assertEquals(List.of(false, true), asked);
    }

    @Test
    void aQuietTimeOfZeroNeverAsks() throws Exception {
        assertEquals(List.of(false, false), run(Map.of(CommitWhenIdle.QUIET_MS_CONFIG, "0"), "poll", "0", "poll", "500"));
    }

    @Test
    void theQuietTimeCanBeSetAndMustNotBeNegative() throws Exception {
        assertEquals(List.of(true, false, true),
                run(Map.of(CommitWhenIdle.QUIET_MS_CONFIG, 20), "poll", "0", "poll", "15", "poll", "40"));
        assertThrows(IllegalArgumentException.class,
                () -> CommitWhenIdle.quietMs(Map.of(CommitWhenIdle.QUIET_MS_CONFIG, "-1")));
    }

    @Test
    void withASpacingAThreadAsksABurstAtOnceThenAtMostOncePerSpacing() throws Exception {
        Map<String, Object> spaced = Map.of(CommitWhenIdle.SPACING_MS_CONFIG, 100);
        List<String> steps = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i <= CommitWhenIdle.SPACING_BURST; i++) { // one record every 3 ms, each after a quiet spell
            steps.add("poll");
            steps.add(String.valueOf(3 * i));
            expected.add(i < CommitWhenIdle.SPACING_BURST);
        }
        steps.add("poll");
        steps.add("40-"); // writes nothing: asks for the output left waiting, once a spacing is earned back
        expected.add(false);
        steps.add("poll");
        steps.add("150-");
        expected.add(true);
        assertEquals(expected, run(spaced, steps.toArray(String[]::new)));
        List<String> rapid = new ArrayList<>();
        for (int i = 0; i <= CommitWhenIdle.SPACING_BURST; i++) {
            rapid.add("poll");
            rapid.add(String.valueOf(3 * i));
        }
        assertEquals(java.util.Collections.nCopies(CommitWhenIdle.SPACING_BURST + 1, true),
                run(Map.of(), rapid.toArray(String[]::new)), "no spacing by default: every one asks");
        assertThrows(IllegalArgumentException.class, () -> CommitWhenIdle.of(context(
                Map.of(CommitWhenIdle.SPACING_MS_CONFIG, "-1"))));
    }

    @Test
    void withoutThePollWatcherEveryRecordAfterAQuietSpellAsks() throws Exception {
        assertEquals(List.of(true, true, false), run(Map.of(), "0", "6", "7"));
    }

    @Test
    void aBigPollNeverAsksHoweverQuietTheThreadWas() throws Exception {
        assertEquals(List.of(false, false),
                run(Map.of(), "poll" + (CommitWhenIdle.CAUGHT_UP_RECORDS + 1), "0", "50"));
    }

    /** Runs the steps on a thread of their own (the state is per thread) and says which records asked to commit. */
    private static List<Boolean> run(Map<String, Object> settings, String... steps) throws Exception {
        return onANewThread(() -> {
            MockProcessorContext<Object, Object> context = context(settings);
            CommitWhenIdle commits = CommitWhenIdle.of(context);
            List<Boolean> asked = new ArrayList<>();
            for (String step : steps) {
                if (step.startsWith("poll")) {
                    poll(step.equals("poll") ? 1 : Integer.parseInt(step.substring(4)));
                    continue;
                }
                context.resetCommit();
                boolean writes = !step.endsWith("-");
                String[] atAndOffset = step.replace("-", "").split("@");
                if (atAndOffset.length == 2) {
                    context.setRecordMetadata("orders.events", 0, Long.parseLong(atAndOffset[1]));
                }
                commits.recordProcessed((long) (Double.parseDouble(atAndOffset[0]) * MS) + 1_000 * MS);
                if (writes) {
                    commits.outputWritten();
                }
                asked.add(context.committed());
            }
            return asked;
        });
    }

    /** A poll that returned {@code records} records. */
    private static void poll(int records) {
        TopicPartition partition = new TopicPartition("orders.events", 0);
        List<ConsumerRecord<Object, Object>> returned = new ArrayList<>();
        for (int offset = 0; offset < records; offset++) {
            returned.add(new ConsumerRecord<>(partition.topic(), 0, offset, "key", "value"));
        }
        new CommitWhenIdle.PollWatcher().onConsume(new ConsumerRecords<>(Map.of(partition, returned), Map.of()));
    }

    private static <T> T onANewThread(Supplier<T> work) throws Exception {
        return CompletableFuture.supplyAsync(work, runnable -> new Thread(runnable).start()).get();
    }

    private static MockProcessorContext<Object, Object> context(Map<String, Object> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        return new MockProcessorContext<>(props);
    }
}
