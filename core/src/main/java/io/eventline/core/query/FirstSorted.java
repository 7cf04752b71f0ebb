package io.eventline.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The first {@code limit} items of a list in a given order, without sorting (nor keeping) the rest: a
 * heap of at most {@code limit} items, so a list endpoint's answer costs memory for its page and
 * {@code n log limit} comparisons, however many items it looks at.
 */
public final class FirstSorted {
    private FirstSorted() {
    }

    public static <T> List<T> of(Stream<T> items, Comparator<? super T> order, int limit) {
        // The heap's head is the last of those kept: the one a better item pushes out.
        PriorityQueue<T> kept = new PriorityQueue<>(limit + 1, order.reversed());
        items.forEach(item -> {
            kept.add(item);
            if (kept.size() > limit) {
                kept.poll();
            }
        });
        List<T> first = new ArrayList<>(kept);
        first.sort(order);
        return first;
    }
}
