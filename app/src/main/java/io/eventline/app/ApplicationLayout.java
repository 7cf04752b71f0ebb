package io.eventline.app;

import io.eventline.core.kafka.SharedAdmin;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.kafka.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;

/**
 * Which Kafka Streams applications a process runs its services in. Every application has its own
 * threads (stream thread, state updater, cleanup, producer, heartbeat), its own transactions and its
 * own commit cycle: the services that can share one ({@link ServiceModule#composes}) are composed into
 * one application, {@code eventline-<service>-<service>…} (the services in {@link Modules#ALL}'s order),
 * whose stream threads commit all their tasks in one transaction: those on the order saga's path in one,
 * those off it ({@link ServiceModule#offTheSagaPath}), which commit less often, in another. A service
 * that cannot, or runs alone, is its own application, {@code eventline-<service>}, as before.
 *
 * <p>A service's work is shared by the processes in its application's consumer group, so every process
 * of a deployment must run it in the same application: the groups the cluster already has decide.
 * Where one of the services has its own group already (a data dir from before composition, or a
 * process of {@code ./eventline service NAME} alone), each runs alone, as that layout does: its
 * offsets and stores are in those groups, and nothing is processed twice. Where a service is in
 * another composition's group, the process refuses to start: it would process that service's records
 * a second time.
 *
 * <p>{@value #COMPOSE_CONFIG}{@code =false} in the Kafka settings runs every service alone: each
 * restarts and rebalances apart, at five threads and one transaction stream more each.
 *
 * @param applications each application's services, in start order
 * @param why when the services run alone though they could be composed: why, for the log
 */
record ApplicationLayout(List<List<ServiceModule>> applications, Optional<String> why) {
    static final String COMPOSE_CONFIG = "eventline.compose";
    private static final String PREFIX = "eventline-";

    /**
     * The dead-letter topics of the composed applications, where Kafka Streams' own handlers write
     * (each service's processors write to the service's topic, which the module declares).
     */
    List<Topic> composedDeadLetters() {
        return applications.stream().filter(services -> services.size() > 1)
                .map(services -> StreamsSettings.deadLetters(applicationId(services))).toList();
    }

    /** The application id of these services run together: {@code eventline-accounts-inventory-…}. */
    static String applicationId(List<ServiceModule> services) {
        return PREFIX + name(services);
    }

    /** What names the application's state dir, dead-letter topic and metrics: {@code accounts-inventory-…}. */
    static String name(List<ServiceModule> services) {
        return services.stream().map(ServiceModule::name).collect(Collectors.joining("-"));
    }

    /**
     * @param running the services this process runs, in {@link Modules#ALL}'s order
     * @param groups the consumer groups the cluster has (any state: a stopped group keeps its offsets)
     * @param known every service name this build knows, to tell a service's group from any other
     * @throws IllegalStateException when one of the services is in another composition's group
     */
    static ApplicationLayout choose(List<ServiceModule> running, Set<String> groups, Set<String> known) {
        return choose(running, groups, known, true);
    }

    /** @param compose false: every service alone ({@value #COMPOSE_CONFIG}) */
    static ApplicationLayout choose(List<ServiceModule> running, Set<String> groups, Set<String> known,
                                    boolean compose) {
        List<ServiceModule> composable = running.stream().filter(module -> compose && module.composes()).toList();
        List<List<ServiceModule>> alone = new ArrayList<>();
        running.stream().filter(module -> !compose || !module.composes())
                .forEach(module -> alone.add(List.of(module)));
        // The services on the saga's path, and those off it, which commit less often: one application each.
        List<List<ServiceModule>> composed = Stream.of(false, true)
                .map(off -> composable.stream().filter(module -> module.offTheSagaPath() == off).toList())
                .filter(services -> services.size() > 1).toList();
        List<ServiceModule> single = composable.stream()
                .filter(module -> composed.stream().noneMatch(services -> services.contains(module))).toList();
        List<String> own = composed.stream().flatMap(services -> owners(services, groups, known,
                applicationId(services)).stream()).distinct().sorted().toList();
        Optional<String> why = Optional.empty();
        List<List<ServiceModule>> applications = new ArrayList<>();
        if (own.isEmpty()) {
            applications.addAll(composed);
            single.forEach(module -> applications.add(List.of(module)));
        } else {
            why = Optional.of("the cluster has the groups " + String.join(", ", own) + ": those services ran"
                    + " as applications of their own, and go on so (their offsets and stores are there)");
            composable.forEach(module -> applications.add(List.of(module)));
        }
        applications.addAll(alone);
        for (List<ServiceModule> application : applications) {
            refuseOtherCompositions(application, groups, known);
        }
        return new ApplicationLayout(List.copyOf(applications), why);
    }

    /** {@link #choose} with the groups the cluster has now, unless the settings say not to compose. */
    static ApplicationLayout choose(Map<String, Object> clientSettings, List<ServiceModule> running) {
        String compose = clientSettings.getOrDefault(COMPOSE_CONFIG, "true").toString().strip();
        if (!compose.equalsIgnoreCase("true") && !compose.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(COMPOSE_CONFIG + " must be true or false, was " + compose);
        }
        return choose(running, groups(clientSettings), Set.copyOf(Modules.names()), Boolean.parseBoolean(compose));
    }

    private static Set<String> groups(Map<String, Object> clientSettings) {
        try (Admin admin = SharedAdmin.lease(clientSettings)) {
            return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId)
                    .collect(Collectors.toSet());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the cluster's consumer groups, which decide how the"
                    + " services are run: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the consumer groups", e);
        }
    }

    /** The groups but {@code own} that hold any of these services: another layout's. */
    private static List<String> owners(List<ServiceModule> services, Set<String> groups, Set<String> known,
                                       String own) {
        Set<String> names = services.stream().map(ServiceModule::name).collect(Collectors.toSet());
        return groups.stream().filter(group -> !group.equals(own))
                .filter(group -> servicesOf(group, known).stream().anyMatch(names::contains))
                .sorted().toList();
    }

    private static void refuseOtherCompositions(List<ServiceModule> application, Set<String> groups,
                                                Set<String> known) {
        for (String group : owners(application, groups, known, applicationId(application))) {
            List<String> together = servicesOf(group, known);
            if (together.size() > 1) {
                throw new IllegalStateException("the cluster runs " + String.join(", ", together)
                        + " together as one application (group " + group + "); this process would run "
                        + name(application) + " as " + applicationId(application) + " and process their"
                        + " records a second time: run every process of a deployment with the same services ("
                        + String.join(" ", together) + ")");
            }
        }
    }

    /** The services of a group named as this class names applications; empty for any other group. */
    static List<String> servicesOf(String group, Set<String> known) {
        if (!group.startsWith(PREFIX)) {
            return List.of();
        }
        List<String> parts = Arrays.asList(group.substring(PREFIX.length()).split("-"));
        return known.containsAll(parts) ? parts : List.of();
    }
}
