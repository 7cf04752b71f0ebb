package io.eventline.app.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Each event-sourced aggregate's versions in the log. The envelope carries no aggregate version (its
 * {@code version} is the schema version of {@code data}): an aggregate's version is the number of its
 * events, so the log's n-th event of an aggregate is its version n. That holds only if all its events
 * are in one partition, under its own key; a repeat shows as a duplicate event id (ids derive from
 * commands), a gap or an extra as a version the snapshot does not have.
 */
final class AggregateVersions {
    record Aggregate(String topic, String aggregateId) {
    }

    private static final class Versions {
        long count;
        int partition;
        Position last;
    }

    private final Map<Aggregate, Versions> aggregates = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();

    /** Events must come in the order of their partition. */
    void add(Position at, String key, String aggregateId) {
        if (!aggregateId.equals(key)) {
            violations.add(new Violation.MisplacedEvent(at, aggregateId, "keyed " + key + " instead"));
        }
        Versions versions = aggregates.computeIfAbsent(new Aggregate(at.topic(), aggregateId), a -> new Versions());
        if (versions.count > 0 && versions.partition != at.partition()) {
            violations.add(new Violation.MisplacedEvent(at, aggregateId, "earlier events on partition "
                    + versions.partition + ", last at " + versions.last));
        }
        versions.count++;
        versions.partition = at.partition();
        versions.last = at;
    }

    int count() {
        return aggregates.size();
    }

    /** @param snapshots null: no snapshot to compare with */
    List<Violation> violations(Snapshots snapshots) {
        List<Violation> all = new ArrayList<>(violations);
        if (snapshots != null) {
            aggregates.forEach((aggregate, versions) -> {
                OptionalLong snapshot = snapshots.version(aggregate.topic(), aggregate.aggregateId());
                if (snapshot.isPresent() && snapshot.getAsLong() != versions.count) {
                    all.add(new Violation.VersionMismatch(versions.last, aggregate.aggregateId(), versions.count,
                            snapshot.getAsLong()));
                }
            });
        }
        return all;
    }
}
