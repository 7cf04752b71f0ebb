package io.eventline.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FirstSortedTest {
    @Test
    void shouldAnswerTheFirstInOrderWhenThereAreMoreThanTheLimit() {
        List<Integer> shuffled = IntStream.range(0, 1000).map(i -> (i * 7919) % 1000).boxed().toList();
        assertThat(FirstSorted.of(shuffled.stream(), Comparator.<Integer>reverseOrder(), 5))
                .containsExactly(999, 998, 997, 996, 995);
    }

    @Test
    void shouldAnswerAllSortedWhenThereAreFewerThanTheLimit() {
        assertThat(FirstSorted.of(Stream.of(3, 1, 2), Comparator.<Integer>naturalOrder(), 10)).containsExactly(1, 2, 3);
    }
}
