package io.eventline.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@code scripts/cluster.sh up} runs, as child processes of the test: three {@code eventline
 * broker} processes forming one KRaft cluster, and {@code eventline service} processes against it,
 * {@code instances} of each group of services, every one on loopback ports and killable with SIGKILL.
 * Each process has its own data dir under {@code workDir}, kept across its restarts.
 */
final class ProcessCluster implements AutoCloseable {
    private static final int NODES = 3;
    /**
     * As in cluster.sh, each JVM stays small; and compiles with C1 only: on a small machine, five to
     * twenty JVMs compiling hot code with C2 at once would spend the CPU the test is about.
     */
    private static final List<String> JAVA_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");
    private final Path workDir;
    private final String classpath;
    private final List<EventlineProcess> brokers;
    private final String bootstrapServers;
    /** Each group's processes, instance 0 first. */
    private final Map<List<String>, List<EventlineProcess>> groups = new LinkedHashMap<>();

    private ProcessCluster(Path workDir, String classpath, List<EventlineProcess> brokers, String bootstrapServers) {
        this.workDir = workDir;
        this.classpath = classpath;
        this.brokers = brokers;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the brokers, then every instance of every group, all at once; returns once all are ready. */
    static ProcessCluster start(Path workDir, List<List<String>> serviceGroups, int instances) throws IOException {
        String classpath = ClasspathSnapshot.of(workDir.resolve("classpath"));
        List<Integer> ports = distinctFreePorts(2 * NODES);
        String controllers = IntStream.range(0, NODES).mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports.get(NODES + i))
                .collect(Collectors.joining(","));
        List<EventlineProcess> brokers = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            String name = "broker-" + (i + 1);
            brokers.add(EventlineProcess.of(JAVA_OPTIONS, List.of("broker", "--node-id", Integer.toString(i + 1),
                    "--controllers", controllers, "--port", Integer.toString(ports.get(i)),
                    "--data-dir", workDir.resolve(name).toString()), new ProcessReady.LogSays("ready in"),
                    workDir.resolve("logs").resolve(name), classpath));
        }
        String bootstrap = ports.subList(0, NODES).stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(","));
        ProcessCluster cluster = new ProcessCluster(workDir, classpath, brokers, bootstrap);
        try {
            startTogether(brokers); // one node alone has no quorum: they start together or not at all
            for (List<String> group : serviceGroups) {
                cluster.groups.put(List.copyOf(group), cluster.instancesOf(group, instances));
            }
            startTogether(cluster.groups.values().stream().flatMap(List::stream).toList());
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private List<EventlineProcess> instancesOf(List<String> group, int instances) {
        List<EventlineProcess> processes = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            String name = String.join("+", group) + "-" + (i + 1);
            processes.add(service(group, workDir.resolve(name), workDir.resolve("logs").resolve(name)));
        }
        return processes;
    }

    private EventlineProcess service(List<String> group, Path dataDir, Path logDir) {
        int port = EventlineProcess.freePort();
        List<String> arguments = new ArrayList<>(List.of("service"));
        arguments.addAll(group);
        arguments.addAll(List.of("--bootstrap-servers", bootstrapServers, "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        return EventlineProcess.of(JAVA_OPTIONS, arguments, new ProcessReady.Http(port), logDir, classpath);
    }

    /**
     * A process of the first group on the data dir of that group's first instance, which runs: one
     * started by mistake, on another port.
     */
    EventlineProcess intruder() {
        List<String> group = groups.keySet().iterator().next();
        return service(group, workDir.resolve(String.join("+", group) + "-1"),
                workDir.resolve("logs").resolve("intruder"));
    }

    /** Starts (or restarts) processes in parallel; returns the longest time one took to be ready. */
    static Duration startTogether(List<EventlineProcess> processes) {
        // A thread each: the common pool may have one thread on a small machine, and a node waits for its quorum.
        List<CompletableFuture<Duration>> starts = processes.stream()
                .map(process -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return process.start();
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot start a process", e);
                    }
                }, task -> Thread.ofPlatform().name("start-process").start(task))).toList();
        return starts.stream().map(CompletableFuture::join).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Node 1, 2 or 3. */
    EventlineProcess broker(int node) {
        return brokers.get(node - 1);
    }

    /** The {@code index}-th process of every group: killing them kills one instance of each service. */
    List<EventlineProcess> instance(int index) {
        return groups.values().stream().map(processes -> processes.get(index)).toList();
    }

    /** Where the processes running notifications write mail files: each its own data dir's {@code mail}. */
    List<Path> mailDirs() {
        return groups.keySet().stream().filter(group -> group.contains("notifications"))
                .flatMap(group -> IntStream.rangeClosed(1, groups.get(group).size())
                        .mapToObj(i -> workDir.resolve(String.join("+", group) + "-" + i).resolve("mail")))
                .toList();
    }

    /** The API as a load balancer in front of every process shows it: each path goes to the processes serving it. */
    TestApi api() {
        return new TestApi(this::portsServing);
    }

    /** The same as HAProxy does it, from the route table: {@code eventline front-door}'s configuration. */
    FrontDoor frontDoor(String listen) {
        return new FrontDoor(listen, groups.entrySet().stream().flatMap(group -> group.getValue().stream()
                .map(process -> new FrontDoor.Instance("127.0.0.1:" + process.httpPort(), group.getKey()))).toList());
    }

    private List<Integer> portsServing(String path) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Set<String> services = RouteTable.byService().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(prefix -> RouteTable.isUnder(route, prefix)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return groups.entrySet().stream()
                .filter(group -> services.isEmpty() || group.getKey().stream().anyMatch(services::contains))
                .flatMap(group -> group.getValue().stream()).map(EventlineProcess::httpPort).toList();
    }

    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < count) {
            ports.add(EventlineProcess.freePort());
        }
        return List.copyOf(ports);
    }

    /** Services first, then the brokers; all killed, as a crashed machine would stop them. */
    @Override
    public void close() {
        groups.values().forEach(processes -> processes.forEach(EventlineProcess::close));
        brokers.forEach(EventlineProcess::close);
    }
}
