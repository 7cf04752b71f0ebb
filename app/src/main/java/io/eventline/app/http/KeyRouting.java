package io.eventline.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.query.KeyOwner;
import io.eventline.core.query.KeyRouter;
import io.eventline.http.ApiException;
import io.eventline.http.ForwardedResponse;
import io.eventline.http.GetForwarder;
import io.eventline.http.OwnerUnreachableException;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes any instance answer a GET for any key: a before-handler on a keyed route finds the instance
 * holding the key's store partition and, when it is another one, replays the GET there and answers
 * with its response, skipping the local handler; so the services' routes stay as they are. Writes
 * need none of this: they go through Kafka. A request that arrives forwarded is answered here or
 * with a 503, never forwarded again, so a rebalance in between cannot make it loop.
 */
public final class KeyRouting implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRouting.class);
    /** How long a GET may wait for a rebalance or an owner that stopped before a 503. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration RECHECK_AFTER = Duration.ofMillis(200);
    private static final Duration RETRY_OWNER_AFTER = Duration.ofMillis(250);

    private final HostInfo self;
    // The owner may itself wait out a rebalance (up to twice PATIENCE, re-checking) before answering.
    private final GetForwarder forwarder = new GetForwarder(Duration.ofSeconds(2), PATIENCE.multipliedBy(3));

    /** @param self this instance's HTTP address, as every streams' {@code application.server} advertises it */
    public KeyRouting(HostInfo self) {
        this.self = self;
    }

    public HostInfo self() {
        return self;
    }

    /**
     * Routes GETs on {@code path} by the key in {@code pathParam}.
     *
     * @param storeFor where a request reads, e.g. the history for {@code ?asOf=} and a read model otherwise
     */
    public void route(RoutesConfig routes, String path, String pathParam, Function<Context, KeyedStore> storeFor) {
        routes.before(path, ctx -> {
            String key = ctx.pathParam(pathParam);
            if (!ctx.method().equals(HandlerType.GET) || !isId(key)) {
                return;
            }
            KeyedStore target = storeFor.apply(ctx);
            KeyRouter router = KeyRouter.of(target.streams(), self);
            if (ctx.header(GetForwarder.FORWARDED_HEADER) == null) {
                answerFromOwner(ctx, router, target.store().get(), key);
            } else {
                answerHereOnly(router, target.store().get(), key);
            }
        });
    }

    /** Returns to let the local handler answer; otherwise answers with the owner's response. */
    private void answerFromOwner(Context ctx, KeyRouter router, String store, String key) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            KeyOwner owner = router.locate(store, key, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            switch (owner) {
                case KeyOwner.Local local -> {
                    return;
                }
                case KeyOwner.Unavailable none -> throw ApiException.unavailable(none.reason() + "; retry");
                case KeyOwner.Remote remote -> {
                    if (forwarded(ctx, remote.host())) {
                        return;
                    }
                }
            }
            if (System.nanoTime() + RETRY_OWNER_AFTER.toNanos() > deadline) {
                LOG.info("GET {}: the instance holding the key did not answer within {}; answered 503", ctx.path(),
                        PATIENCE);
                throw ApiException.unavailable("the instance holding " + key + " does not answer; retry");
            }
            // It is stopping or gone: once Kafka sees it leave, its partitions move and the key with them.
            Thread.sleep(RETRY_OWNER_AFTER);
        }
    }

    /** @return false when the owner could not be reached */
    private boolean forwarded(Context ctx, HostInfo owner) throws InterruptedException {
        String pathAndQuery = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        try {
            ForwardedResponse response = forwarder.get(owner, pathAndQuery, ctx.headerMap());
            ctx.status(response.status());
            response.contentType().ifPresent(ctx::contentType);
            ctx.result(response.body());
            ctx.skipRemainingHandlers();
            LOG.debug("GET {} answered by {}:{}", pathAndQuery, owner.host(), owner.port());
            return true;
        } catch (OwnerUnreachableException e) {
            LOG.debug("{}; locating the key again", e.getMessage());
            return false;
        }
    }

    /**
     * A forwarded request: the sender saw this instance as the owner. If the key moved in between,
     * look once more (the move may be this instance's metadata lagging), then give up with a 503.
     */
    private static void answerHereOnly(KeyRouter router, String store, String key) throws InterruptedException {
        KeyOwner owner = router.locate(store, key, PATIENCE);
        if (owner instanceof KeyOwner.Remote) {
            Thread.sleep(RECHECK_AFTER);
            owner = router.locate(store, key, PATIENCE);
        }
        switch (owner) {
            case KeyOwner.Local local -> {
            }
            case KeyOwner.Remote remote -> throw ApiException.unavailable("the key " + key + " moved to another "
                    + "instance while this request was forwarded; retry");
            case KeyOwner.Unavailable unavailable -> throw ApiException.unavailable(unavailable.reason() + "; retry");
        }
    }

    /**
     * Makes GETs on {@code path}, a list, answer for every instance holding part of {@code store}:
     * see {@link ListGathering}.
     *
     * @param order how the route sorts its items
     * @param limit the most items the route answers for a request
     */
    public void gather(RoutesConfig routes, String path, KeyedStore store, Comparator<JsonNode> order,
                       ToIntFunction<Context> limit) {
        new ListGathering(self, forwarder).register(routes, path, new ListGathering.GatheredList(store, order, limit));
    }

    /** A malformed key is left to the local handler, which answers the 400 naming the field. */
    private static boolean isId(String key) {
        try {
            RequestBody.id("key", key);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    @Override
    public void close() {
        forwarder.close();
    }
}
