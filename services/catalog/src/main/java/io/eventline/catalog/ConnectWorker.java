package io.eventline.catalog;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in distributed mode, in this process: its configs, offsets and statuses in
 * Kafka topics, its REST API on a free local port. It runs in an {@link IsolatedClassLoader}, so it is
 * driven by reflection through the three calls Connect's own command line makes
 * ({@code ConnectDistributed.startConnect}, {@code Connect.rest}, {@code Connect.stop}), its process
 * hooks set first ({@link WorkerProcessHooks}); everything
 * else goes through its REST API, as for a Connect cluster elsewhere.
 */
public final class ConnectWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);

    private final IsolatedClassLoader loader;
    private final Object connect;
    private final URI restUrl;

    private ConnectWorker(IsolatedClassLoader loader, Object connect, URI restUrl) {
        this.loader = loader;
        this.connect = connect;
        this.restUrl = restUrl;
    }

    /**
     * @param libraries the worker's jars (Connect, Debezium and what they need)
     * @param settings the worker's configuration, see {@link WorkerSettings}
     */
    public static ConnectWorker start(Path libraries, Map<String, String> settings) {
        IsolatedClassLoader loader = IsolatedClassLoader.of(libraries);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Connect finds plugins and converters through the context class loader, and the threads it
        // starts inherit it.
        thread.setContextClassLoader(loader);
        try {
            WorkerProcessHooks.install(loader);
            Class<?> cli = loader.loadClass("org.apache.kafka.connect.cli.ConnectDistributed");
            Object command = cli.getConstructor(String[].class).newInstance((Object) new String[0]);
            Object connect = cli.getMethod("startConnect", Map.class).invoke(command, settings);
            Object rest = connect.getClass().getMethod("rest").invoke(connect);
            URI url = (URI) rest.getClass().getMethod("advertisedUrl").invoke(rest);
            LOG.info("Kafka Connect worker at {}", url);
            return new ConnectWorker(loader, connect, url);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Kafka Connect did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Kafka Connect's libraries are not the expected ones: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Where its REST API answers, e.g. {@code http://127.0.0.1:40123/}. */
    public URI restUrl() {
        return restUrl;
    }

    /** Stops the worker (its tasks commit their last offsets), then closes its class loader. */
    @Override
    public void close() throws Exception {
        try {
            connect.getClass().getMethod("stop").invoke(connect);
        } finally {
            loader.close();
        }
        LOG.info("Kafka Connect worker stopped");
    }
}
