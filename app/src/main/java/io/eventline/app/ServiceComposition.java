package io.eventline.app;

import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.kafka.Sources;
import java.util.List;

/**
 * Services' topologies added to one Kafka Streams application ({@link ApplicationLayout}), each as its
 * service's part ({@code Sources.forPart}): its processors name their service in traces and metrics. The event topic of every aggregate
 * whose decider runs in it is declared kept as its history table first, so that every part reading
 * those events, of whichever service, reads them through that table: a topology may read a topic once.
 * Those event topics are also declared decided here ({@code Sources.decidedHere}): a reaction of
 * another service in the application reacts to them in the decider's task, as they are written; and
 * their command topics ({@code Sources.commandsDecidedHere}): a saga of another service added before
 * the decider may have it decide its commands in place.
 */
final class ServiceComposition {
    private ServiceComposition() {
    }

    static void addTo(Sources sources, List<ServiceModule> modules, EventlineConfig config) {
        for (ServiceModule module : modules) {
            module.aggregates().forEach(aggregate -> {
                DeciderTopology.keepHistory(sources, aggregate);
                sources.decidedHere(aggregate.eventTopic());
                sources.commandsDecidedHere(aggregate.commandTopic());
            });
        }
        for (ServiceModule module : modules) {
            module.addTo(sources.forPart(module.name()), config);
        }
        sources.requireDecidersAdded();
    }
}
