package io.eventline.accounts;

import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.contracts.accounts.Withdraw;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.Reply;
import io.eventline.core.decider.Snapshot;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.Json;
import io.eventline.core.projection.Projected;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.query.StoreReads;
import io.eventline.http.ApiException;
import io.eventline.http.Instants;
import io.eventline.http.MinVersion;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The accounts endpoints of API.md. Writes go through the command topic and wait for the decider's
 * reply; reads come from the aggregate's stores. Handlers block on the reply: Javalin runs them on
 * virtual threads.
 */
public final class AccountRoutes {
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = Money.MAX_AMOUNT.toDecimal();

    private final CommandGateway<AccountCommand> gateway;
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final AggregateQueries<AccountCommand, Account, AccountEvent> queries;
    private final ProjectionRunner<Account> view;

    /**
     * @param queries the aggregate's own stores: its events and its state as of a time
     * @param view the read model of its current state, which answers {@code GET} without {@code asOf}
     */
    public AccountRoutes(CommandGateway<AccountCommand> gateway,
                         AggregateQueries<AccountCommand, Account, AccountEvent> queries, ProjectionRunner<Account> view) {
        this.gateway = gateway;
        this.queries = queries;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/accounts/{customerId}/deposits", ctx -> command(ctx, Deposit::new));
        routes.post("/api/accounts/{customerId}/withdrawals", ctx -> command(ctx, Withdraw::new));
        routes.get("/api/accounts/{customerId}", this::account);
        routes.get("/api/accounts/{customerId}/events", this::events);
    }

    private void command(Context ctx, BiFunction<String, Money, AccountCommand> command) throws InterruptedException {
        String customerId = RequestBody.id("customerId", ctx.pathParam("customerId"));
        RequestBody body = RequestBody.parse(ctx.bodyAsBytes(), Set.of("amount"));
        Money amount = Money.of(body.decimal("amount", 2, MIN_AMOUNT, MAX_AMOUNT));
        String correlationId = Optional.ofNullable(ctx.header("X-Correlation-Id")).orElse(UUID.randomUUID().toString());
        Reply reply = gateway.request(customerId, command.apply(customerId, amount), correlationId);
        if (!reply.accepted()) {
            throw ApiException.conflict(reply.rejection().field(), reply.rejection().message());
        }
        Account account = Json.treeToValue(reply.summary(), Account.class);
        ctx.json(new AccountView(customerId, account.balance(), reply.version()));
    }

    /** Now from the read model (held until {@code minVersion} if asked), or as of a time from the history. */
    private void account(Context ctx) throws InterruptedException {
        String customerId = RequestBody.id("customerId", ctx.pathParam("customerId"));
        Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
        long minVersion = MinVersion.of(ctx.queryParam("minVersion")); // checked even when asOf makes it moot
        if (asOf != null) {
            Snapshot<Account> then = StoreReads.read("accounts", () -> queries.asOf(customerId, asOf)).orElseThrow(
                    () -> ApiException.notFound("account " + customerId + " has no event by " + asOf));
            ctx.json(new AccountView(customerId, then.state().balance(), then.version()));
            return;
        }
        Projected<Account> found = view.await(customerId, minVersion, READ_YOUR_WRITES)
                .orElseThrow(() -> ApiException.notFound("account " + customerId + " has no event"));
        ctx.json(new AccountView(customerId, found.view().balance(), found.version()));
    }

    private void events(Context ctx) {
        String customerId = RequestBody.id("customerId", ctx.pathParam("customerId"));
        var events = StoreReads.read("accounts", () -> queries.events(customerId));
        ctx.json(events.stream().map(EnvelopeCodec::toTree).toList());
    }
}
