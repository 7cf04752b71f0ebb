package io.eventline.app.broker;

/**
 * What the embedded broker does with a {@link HangingTransactions hanging transaction}: close it with
 * the outcome its coordinator logged (the default), or only report it at WARN, for an operator who
 * closes it by hand ({@code kafka-transactions.sh}) or to see the hang itself (the crash test's
 * reproduction of it). Reported, it blocks every read_committed reader of its partitions.
 */
public enum HangingTransactionPolicy {
    CLOSE,
    REPORT;

    /** From {@code --hanging-transactions}: {@code close} or {@code report}. */
    public static HangingTransactionPolicy parse(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "close" -> CLOSE;
            case "report" -> REPORT;
            default -> throw new IllegalArgumentException("--hanging-transactions: close or report, was '" + value
                    + "'");
        };
    }
}
