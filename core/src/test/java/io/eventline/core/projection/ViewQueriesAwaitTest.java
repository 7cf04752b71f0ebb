package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A reader waiting on a view is handed the projection's writes; it reads the store only to begin. */
class ViewQueriesAwaitTest {
    record Count(int n) {
    }

    private static final Projection<Count> COUNTS = new Projection<>("counts", List.of("counts.events"), Count.class,
            new Projector<>() {
                @Override
                public Count initial() {
                    return new Count(0);
                }

                @Override
                public Optional<String> keyOf(EventEnvelope event) {
                    return Optional.empty();
                }

                @Override
                public Count apply(Count view, EventEnvelope event) {
                    return view;
                }
            }, false);
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private final ViewChanges changes = new ViewChanges();
    private final ProjectedCodec<Count> codec = new ProjectedCodec<>(Count.class);
    private final ViewQueries<Count> queries = new ViewQueries<>(COUNTS, changes, () -> {
        throw new AssertionError("the store is read through the test's reader");
    });

    @Test
    void shouldAnswerWithTheWriteThatMeetsTheConditionWithoutReadingTheStoreAgain() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<Projected<Count>>> store = () -> {
            if (reads.incrementAndGet() == 2) { // the watch has started: the projection writes twice
                changes.changed("c-1", codec.write(new Projected<>(new Count(1), 1, AT)));
                changes.changed("c-1", codec.write(new Projected<>(new Count(2), 2, AT.plusSeconds(1))));
            }
            return Optional.empty();
        };

        Optional<Projected<Count>> found = queries.await("c-1", view -> view.version() >= 2, Duration.ofMinutes(1), store);

        assertThat(found).hasValue(new Projected<>(new Count(2), 2, AT.plusSeconds(1)));
        assertThat(reads).as("once, then once more after the watch started; never per write").hasValue(2);
        assertThat(changes.watching()).as("the watch is forgotten").isZero();
    }

    @Test
    void shouldTakeNoWatchForAPlainReadNorForAViewThatAlreadyMeetsTheCondition() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        Projected<Count> stored = new Projected<>(new Count(3), 3, AT);

        Optional<Projected<Count>> plain = queries.await("c-1", view -> false, Duration.ZERO, () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        Optional<Projected<Count>> met = queries.await("c-1", view -> view.version() >= 3, Duration.ofMinutes(1), () -> {
            reads.incrementAndGet();
            return Optional.of(stored);
        });

        assertThat(plain).isEmpty();
        assertThat(met).hasValue(stored);
        assertThat(reads).hasValue(2);
        assertThat(changes.watching()).isZero();
    }

    @Test
    void shouldLookAtTheStoreLessOftenTheLongerNoWriteComes() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();

        Optional<Projected<Count>> found = queries.await("c-1", view -> true, Duration.ofMillis(1500), () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(found).isEmpty();
        // Two reads to begin, then a look after 250 ms, 500 ms more and the rest of the 1.5 s: five; a
        // look every 250 ms would be eight.
        assertThat(reads).hasValueBetween(4, 5);
        assertThat(changes.watching()).isZero();
    }
}
