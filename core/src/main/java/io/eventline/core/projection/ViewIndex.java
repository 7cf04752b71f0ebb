package io.eventline.core.projection;

import java.util.List;

/**
 * The lists a view belongs to, each named by a term (e.g. {@code status=PAID}): a projection with an
 * index keeps, beside its views, which views of each list changed last ({@code <name>-v<N>-index}),
 * so that {@link ProjectionRunner#newest} answers the newest N of a list from N entries rather than
 * a scan of every view. A view's terms may change as it does; its entries move with it. Changing
 * what a projection's terms are needs a rebuild, as any change of its views does.
 */
@FunctionalInterface
public interface ViewIndex<V> {
    /** @return the terms of the lists {@code view} is in (a NUL character in one is read as U+FFFD) */
    List<String> terms(V view);
}
