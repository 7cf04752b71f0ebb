package io.eventline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * One route as a service declares it: method, path, handler, and where its reads live, so that
 * whoever mounts it (the app) can answer a keyed GET on the instance holding the key, or gather a
 * list from every instance, without a second declaration of the path.
 *
 * @param keyParam the path parameter holding the aggregate id; null when the path has none
 * @param order how a {@link Reads#LIST} sorts its items, read from its JSON answer; null otherwise
 * @param limit how many items a {@link Reads#LIST} answers for a request; null otherwise
 */
public record Route(HandlerType method, String path, Handler handler, Reads reads, String keyParam,
                    Comparator<JsonNode> order, ToIntFunction<Context> limit) {

    /** Where a route reads, for routing its requests when several instances share the aggregate. */
    public enum Reads {
        /** A write, or a read of nothing keyed: answered where it arrives. */
        HERE,
        /** The aggregate's state: the read model now, its history with {@code ?asOf=}. */
        STATE,
        /** The aggregate's history (its events). */
        HISTORY,
        /** A list over the read model: every instance answers its part, merged by {@code order}. */
        LIST
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(reads, "reads");
        if ((reads == Reads.STATE || reads == Reads.HISTORY) && keyParam == null) {
            throw new IllegalArgumentException(path + ": a keyed read names its key's path parameter");
        }
        if (reads == Reads.LIST && (order == null || limit == null)) {
            throw new IllegalArgumentException(path + ": a list says how its items sort and how many it answers");
        }
    }
}
