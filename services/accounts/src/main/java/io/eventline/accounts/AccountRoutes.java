package io.eventline.accounts;

import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.contracts.accounts.Withdraw;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.Json;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.http.AggregateRoutes;
import io.eventline.http.AggregateRoutes.Addressed;
import io.eventline.http.RequestBody;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The accounts endpoints of docs/api.md: deposits and withdrawals through the command topic, answered
 * from the decider's reply; the account now from its read model, as of a time and its events from the
 * aggregate's stores.
 */
public final class AccountRoutes {
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = Money.MAX_AMOUNT.toDecimal();

    private AccountRoutes() {
    }

    /**
     * @param stores the service's own stores: the aggregate's events and its state as of a time
     * @param view the read model of its current state, which answers {@code GET} without {@code asOf}
     */
    public static AggregateRoutes<AccountCommand, Account, AccountEvent> of(CommandGateway<AccountCommand> gateway,
            StoreProvider stores, ProjectionRunner<Account> view) {
        var routes = new AggregateRoutes<>("customerId", "accounts", gateway,
                new AggregateQueries<>(AccountsService.AGGREGATE, stores));
        AggregateRoutes.Answer answer = (ctx, customerId, reply) -> ctx.json(new AccountView(customerId,
                Json.treeToValue(reply.summary(), Account.class).balance(), reply.version()));
        return routes
                .command("/api/accounts/{customerId}/deposits", ctx -> amount(routes, ctx, Deposit::new), answer)
                .command("/api/accounts/{customerId}/withdrawals", ctx -> amount(routes, ctx, Withdraw::new), answer)
                .state("/api/accounts/{customerId}", "account", view,
                        (customerId, then) -> new AccountView(customerId, then.state().balance(), then.version()),
                        (customerId, now) -> new AccountView(customerId, now.view().balance(), now.version()))
                .events("/api/accounts/{customerId}/events");
    }

    private static Addressed<AccountCommand> amount(AggregateRoutes<?, ?, ?> routes, Context ctx,
                                                    BiFunction<String, Money, AccountCommand> command) {
        String customerId = routes.id(ctx);
        RequestBody body = RequestBody.parse(ctx.bodyAsBytes(), Set.of("amount"));
        Money amount = Money.of(body.decimal("amount", 2, MIN_AMOUNT, MAX_AMOUNT));
        return new Addressed<>(customerId, command.apply(customerId, amount));
    }
}
