package io.eventline.core.decider;

/**
 * Keys of the history store: {@code aggregateId/version}, the version zero-padded so that the store's
 * byte order is the aggregate's event order and one aggregate's events are one prefix range. Ids
 * never contain '/' (docs/api.md allows {@code [A-Za-z0-9._-]}), so no prefix is another id's.
 */
final class HistoryKeys {
    private HistoryKeys() {
    }

    static String of(String aggregateId, long version) {
        return prefix(aggregateId) + String.format("%019d", version);
    }

    static String prefix(String aggregateId) {
        return aggregateId + "/";
    }
}
