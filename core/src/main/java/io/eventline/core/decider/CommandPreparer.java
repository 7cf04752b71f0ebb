package io.eventline.core.decider;

import io.eventline.core.reaction.Lookups;

/**
 * Completes a command from the service's own local state before its decider sees it, e.g. shipping
 * filling in the customer's address from its copy of the customers topic. The decider stays pure:
 * whatever it needs arrives in the command; only this step reads stores.
 *
 * @param <C> the aggregate's commands
 */
@FunctionalInterface
public interface CommandPreparer<C> {
    /** A preparer that changes nothing. */
    static <C> CommandPreparer<C> none() {
        return (command, lookups) -> command;
    }

    C prepare(C command, Lookups lookups);
}
