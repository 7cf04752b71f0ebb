package io.eventline.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The classpath a child {@link EventlineProcess} runs with, fixed for the whole test. */
final class ClasspathSnapshot {
    private ClasspathSnapshot() {
    }

    /**
     * This JVM's classpath with the project's own entries (target/ directories, io.eventline jars)
     * copied: a rebuild while the test runs must not change, or half-delete, the code between restarts.
     */
    static String of(Path into) throws IOException {
        Files.createDirectories(into);
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            boolean ours = Files.isDirectory(source) || entry.contains(File.separator + "io" + File.separator
                    + "eventline" + File.separator);
            if (!ours || !Files.exists(source)) {
                entries.add(entry);
                continue;
            }
            Path copy = into.resolve(entries.size() + "-" + source.getFileName());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, copy.resolve(source.relativize(file).toString()));
                }
            }
            entries.add(copy.toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
