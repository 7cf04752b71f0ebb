package io.eventline.app;

import io.eventline.accounts.AccountRoutes;
import io.eventline.accounts.AccountsService;
import io.eventline.app.http.KeyedStore;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.List;

final class AccountsModule implements ServiceModule {
    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public List<String> paths() {
        return List.of("/api/accounts", "/api/projections/accounts-view");
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        AccountsService.addTo(builder, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var gateway = context.closing(
                new CommandGateway<>(AccountsService.AGGREGATE, context.clientSettings(), context.commandTimeout()));
        var queries = new AggregateQueries<>(AccountsService.AGGREGATE, StoreProvider.of(context.streams()));
        var view = context.startView(AccountsService.VIEW);
        new AccountRoutes(gateway, queries, view).register(app);
        // Now from the read model; as of a time, and the events, from the aggregate's stores (one task).
        KeyedStore current = context.storeOf(view);
        KeyedStore history = context.ownStore(AccountsService.AGGREGATE.historyStore());
        context.routeByKey(app, "/api/accounts/{customerId}", "customerId",
                ctx -> ctx.queryParam("asOf") == null ? current : history);
        context.routeByKey(app, "/api/accounts/{customerId}/events", "customerId", history);
    }
}
