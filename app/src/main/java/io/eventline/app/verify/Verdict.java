package io.eventline.app.verify;

import io.eventline.contracts.Money;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the verifier found: how much it read, the orders by outcome, what the causations name, and
 * every violation.
 *
 * @param records records read {@code read_committed}, by topic
 * @param aborted records only {@code read_uncommitted} returned: of aborted transactions
 * @param unreadable records no envelope, or of an event type or version no contract knows
 * @param outcomes every placed order's outcome: SHIPPED, its cancel reason, or "in flight"
 * @param snapshotsCompared whether each aggregate's versions were held against its snapshot
 * @param atRest whether the caller said the platform was quiescent
 * @param deposits the amounts deposited, by customer, in log order
 * @param stockAdded the quantities added, by sku, in log order
 */
public record Verdict(Map<String, Long> records, long aborted, long unreadable, int aggregates,
                      Map<String, String> outcomes, Causations causations, boolean snapshotsCompared, boolean atRest,
                      List<Violation> violations, Map<String, List<Money>> deposits,
                      Map<String, List<Integer>> stockAdded) {
    public Verdict {
        records = Map.copyOf(records);
        outcomes = Map.copyOf(outcomes);
        violations = List.copyOf(violations);
        deposits = Map.copyOf(deposits);
        stockAdded = Map.copyOf(stockAdded);
    }

    public boolean clean() {
        return violations.isEmpty();
    }

    public Map<String, Long> ordersByOutcome() {
        return outcomes.values().stream().collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
    }

    public Map<String, Long> violationsByKind() {
        return violations.stream().collect(Collectors.groupingBy(Violation::kind, TreeMap::new, Collectors.counting()));
    }

    /** The summary a person reads, naming at most {@code shown} violations with where they are. */
    public String summary(int shown) {
        StringBuilder text = new StringBuilder();
        long total = records.values().stream().mapToLong(Long::longValue).sum();
        text.append(String.format("topics       %d, %,d records read_committed; %,d more only read_uncommitted "
                + "(aborted); %,d unreadable%n", records.size(), total, aborted, unreadable));
        text.append(String.format("             %s%n", counts(new TreeMap<>(records))));
        text.append(String.format("aggregates   %,d, versions 1..n each; %s%n", aggregates, snapshotsCompared
                ? "compared with their snapshots" : atRest ? "snapshots not compared (no --url)"
                : "snapshots not compared (not --quiescent)"));
        text.append(String.format("orders       %,d: %s%s%n", outcomes.size(), counts(ordersByOutcome()),
                atRest ? "" : " (not --quiescent: unended orders are in flight)"));
        text.append(String.format("causations   %,d name a command on a command topic, %,d a command decided in place, "
                        + "%,d an event%s%n", causations.commands(), causations.inPlaceCommands(), causations.events(),
                causations.unverifiable() == 0 ? "" : String.format(", %,d a command past its topic's retention",
                        causations.unverifiable())));
        text.append(String.format("violations   %s%n", violations.isEmpty() ? "none"
                : String.format("%,d: %s", violations.size(), counts(violationsByKind()))));
        violations.stream().limit(shown).forEach(v ->
                text.append(String.format("  %-28s %-22s %s%n", v.at(), v.kind(), v.detail())));
        if (violations.size() > shown) {
            text.append(String.format("  … and %,d more%n", violations.size() - shown));
        }
        return text.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
