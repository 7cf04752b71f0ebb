package io.eventline.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader of the in-process Kafka Connect worker: every jar of {@code dir}, over the JDK's
 * own classes only, so that none of the application's classes (Javalin's Jetty 12.1, Kafka 4.4) is
 * seen in place of the worker's (Jetty 12.0, Kafka 4.3). Logging is the one exception: SLF4J comes from the
 * application, so the worker logs through the same backend and configuration as everything else.
 */
final class IsolatedClassLoader extends URLClassLoader {
    private static final List<String> SHARED = List.of("org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    private IsolatedClassLoader(URL[] jars, ClassLoader application) {
        super("eventline-connect", jars, ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    static IsolatedClassLoader of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the Kafka Connect worker's libraries are missing: " + dir
                    + " (built by ./mvnw package, from services/catalog-connect)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            URL[] jars = files.filter(file -> file.toString().endsWith(".jar")).sorted()
                    .map(IsolatedClassLoader::url).toArray(URL[]::new);
            return new IsolatedClassLoader(jars, IsolatedClassLoader.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return application.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
