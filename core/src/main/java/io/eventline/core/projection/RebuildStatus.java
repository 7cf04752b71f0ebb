package io.eventline.core.projection;

/**
 * Where a projection stands: the version serving queries, and the one being built if any, with how
 * far it has read ({@code consumed} of {@code total} events that were in the log when it started).
 */
public record RebuildStatus(String projection, int activeVersion, Integer buildingVersion, long consumed,
                            long total) {
    public boolean building() {
        return buildingVersion != null;
    }

    public int percent() {
        if (total == 0) {
            return building() ? 0 : 100;
        }
        return (int) Math.min(100, consumed * 100 / total);
    }
}
