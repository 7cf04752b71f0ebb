package io.eventline.app;

import io.eventline.accounts.AccountRoutes;
import io.eventline.accounts.AccountsService;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;

final class AccountsModule implements ServiceModule {
    @Override
    public String name() {
        return "accounts";
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
        new AccountRoutes(gateway, queries).register(app);
    }
}
