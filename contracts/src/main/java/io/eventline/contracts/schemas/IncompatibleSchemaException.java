package io.eventline.contracts.schemas;

import java.nio.file.Path;
import java.util.List;

/** Schemas published in a directory that the current ones would break: see {@link SchemaCompatibility}. */
public final class IncompatibleSchemaException extends RuntimeException {
    private final transient List<String> breaks;

    IncompatibleSchemaException(Path dir, List<String> breaks) {
        super(breaks.size() + " breaking change(s) to the schemas published in " + dir + ", first " + breaks.getFirst()
                + ": publish a new version with an upcaster from the previous one instead");
        this.breaks = List.copyOf(breaks);
    }

    public List<String> breaks() {
        return breaks;
    }
}
