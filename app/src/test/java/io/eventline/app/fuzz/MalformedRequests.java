package io.eventline.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Every kind of malformed request to the REST API, from jqwik's generators, drawn outside a property
 * (in a {@link JqwikSession}) so that one running Eventline serves them all. The same seed draws the
 * same requests.
 */
public final class MalformedRequests {
    private static final int GEN_SIZE = 1_000;

    private MalformedRequests() {
    }

    public static Arbitrary<FuzzRequest> any(Known known) {
        return Arbitraries.frequencyOf(
                Tuple.of(50, WriteRequests.of(known)),
                Tuple.of(6, OtherWrites.of(known)),
                Tuple.of(34, ReadRequests.of(known)),
                Tuple.of(10, RouteRequests.of(known)));
    }

    /** {@code count} requests drawn with {@code seed}. */
    public static List<FuzzRequest> draw(Known known, long seed, int count) {
        List<FuzzRequest> requests = new ArrayList<>(count);
        JqwikSession.start(Long.toString(seed));
        try {
            var generator = any(known).generator(GEN_SIZE);
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                requests.add(generator.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        return requests;
    }
}
