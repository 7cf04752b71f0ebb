package io.eventline.catalog;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Connect's command line owns its process: it registers a JVM shutdown hook that stops the worker, and
 * exits the JVM when its start fails. In Eventline's process neither may happen, and both go through
 * Kafka's {@code Exit} (the seam Kafka's own tests use), which is set here in the worker's class loader:
 * no shutdown hook (seen: on Ctrl-C it raced Eventline's orderly stop, which then closed the broker
 * and the class loader under Connect's threads, and they looped on errors and kept the JVM alive), and
 * an exit or halt becomes an exception in the caller.
 */
final class WorkerProcessHooks {
    private static final String EXIT = "org.apache.kafka.common.utils.Exit";

    private WorkerProcessHooks() {
    }

    static void install(ClassLoader worker) throws ReflectiveOperationException {
        Class<?> exit = worker.loadClass(EXIT);
        Class<?> adder = worker.loadClass(EXIT + "$ShutdownHookAdder");
        Class<?> procedure = worker.loadClass(EXIT + "$Procedure");
        exit.getMethod("setShutdownHookAdder", adder).invoke(null, implement(worker, adder, (name, arg) -> {
        }));
        Object refuse = implement(worker, procedure, (status, message) -> {
            throw new IllegalStateException("Kafka Connect asked to end the process (status " + status + "): "
                    + message);
        });
        exit.getMethod("setExitProcedure", procedure).invoke(null, refuse);
        exit.getMethod("setHaltProcedure", procedure).invoke(null, refuse);
    }

    /** An instance of a two-argument interface of the worker's class loader, doing {@code body}. */
    private static Object implement(ClassLoader worker, Class<?> type, java.util.function.BiConsumer<Object, Object> body) {
        InvocationHandler handler = (Object proxy, Method method, Object[] args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "eventline's " + type.getSimpleName();
            default -> {
                body.accept(args[0], args[1]);
                yield null;
            }
        };
        return Proxy.newProxyInstance(worker, new Class<?>[] {type}, handler);
    }
}
