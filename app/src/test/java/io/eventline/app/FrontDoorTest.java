package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door's configuration: every path of every service reaches exactly the instances running
 * it, the rest any instance, the console's load one; and HAProxy accepts it. The configuration is
 * read back as HAProxy would route (ACLs, then the first {@code use_backend} that matches).
 */
class FrontDoorTest {
    /** Each service alone, twice, as {@code scripts/cluster.sh up} runs them; and the catalog nowhere. */
    private static final List<FrontDoor.Instance> PER_SERVICE = perService();

    @TempDir
    Path dir;

    @Test
    void shouldRouteEveryPathOfAServiceToTheInstancesRunningItWhenEachServiceRunsAlone() {
        Routing routing = Routing.read(new FrontDoor("127.0.0.1:18080", PER_SERVICE).haproxyConfig());
        RouteTable.byService().forEach((service, prefixes) -> {
            List<String> running = PER_SERVICE.stream().filter(i -> i.services().contains(service))
                    .map(FrontDoor.Instance::address).toList();
            for (String prefix : prefixes) {
                for (String path : List.of(prefix, prefix + "/some-id/events")) {
                    List<String> expected = running.isEmpty() ? addresses(PER_SERVICE) : running;
                    assertThat(routing.serversFor(path)).as("%s (%s)", path, service).isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void shouldRouteSharedPathsToAnyInstanceAndTheLoadToOneWhenInstancesRunDifferentServices() {
        Routing routing = Routing.read(new FrontDoor("127.0.0.1:18080", PER_SERVICE).haproxyConfig());
        for (String prefix : RouteTable.ANY_INSTANCE) {
            assertThat(routing.backendFor(prefix)).as(prefix).isEqualTo("any-instance");
        }
        assertThat(routing.backendFor("/api/projections")).isEqualTo("any-instance");
        assertThat(routing.backendFor("/api/ordersx")).as("a prefix is a whole segment").isEqualTo("any-instance");
        assertThat(routing.backendFor("/api/load")).isEqualTo("one-instance");
        assertThat(routing.balance("one-instance")).isEqualTo("first");
        assertThat(routing.serversFor("/api/topics")).isEqualTo(addresses(PER_SERVICE));
    }

    @Test
    void shouldAskEachInstanceIfReadyOnceWhenItIsInSeveralBackends() {
        List<FrontDoor.Instance> together = List.of(new FrontDoor.Instance("127.0.0.1:18081", List.of("orders",
                "customers")), new FrontDoor.Instance("127.0.0.1:18082", List.of("orders", "customers")));
        String config = new FrontDoor("127.0.0.1:18080", together).haproxyConfig();
        for (FrontDoor.Instance instance : together) {
            assertThat(config.lines().filter(line -> line.strip().startsWith("server ")
                    && line.endsWith(" " + instance.address()))).as(instance.address()).hasSize(1);
        }
    }

    @Test
    void shouldRefuseAnInstanceWhenItNamesNoServiceOfThisBuild() {
        assertThatThrownBy(() -> new FrontDoor.Instance("127.0.0.1:1", List.of("payments")))
                .hasMessageContaining("no service 'payments'");
        assertThatThrownBy(() -> new FrontDoor.Instance("127.0.0.1", List.of("orders")))
                .hasMessageContaining("host:port");
    }

    @Test
    void shouldBeAcceptedByHaproxyWhenInstalled() throws Exception {
        Path haproxy = Haproxy.find().orElse(null);
        Assumptions.assumeTrue(haproxy != null, Haproxy.MISSING);
        Path config = Files.writeString(dir.resolve("haproxy.cfg"),
                new FrontDoor("127.0.0.1:18080", PER_SERVICE).haproxyConfig());
        Haproxy.Verdict verdict = Haproxy.check(haproxy, config);
        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
    }

    private static List<FrontDoor.Instance> perService() {
        List<FrontDoor.Instance> instances = new ArrayList<>();
        int port = 18081;
        for (int instance = 0; instance < 2; instance++) {
            for (String service : RouteTable.byService().keySet()) {
                if (!service.equals(CatalogModule.NAME)) {
                    instances.add(new FrontDoor.Instance("127.0.0.1:" + port++, List.of(service)));
                }
            }
        }
        return instances;
    }

    private static List<String> addresses(List<FrontDoor.Instance> instances) {
        return instances.stream().map(FrontDoor.Instance::address).toList();
    }

    /** The routing a configuration describes: path ACLs, use_backend rules in order, and each backend's servers. */
    private record Routing(Map<String, List<String[]>> acls, List<String[]> rules, String fallback,
                           Map<String, List<String>> servers, Map<String, String> balances) {
        static Routing read(String config) {
            Map<String, List<String[]>> acls = new LinkedHashMap<>();
            List<String[]> rules = new ArrayList<>();
            Map<String, List<String>> servers = new LinkedHashMap<>();
            Map<String, String> balances = new LinkedHashMap<>();
            String fallback = null;
            String backend = null;
            for (String line : config.lines().map(String::strip).toList()) {
                String[] words = line.split("\\s+");
                switch (words[0]) {
                    case "acl" -> acls.computeIfAbsent(words[1], k -> new ArrayList<>())
                            .add(new String[] {words[2], words[3]});
                    case "use_backend" -> rules.add(new String[] {words[1], words[3]});
                    case "default_backend" -> fallback = words[1];
                    case "backend" -> backend = words[1];
                    case "balance" -> balances.put(backend, words[1]);
                    // The backups (the same instances, unchecked) are asked only while none is ready.
                    case "server" -> servers.computeIfAbsent(line.contains(" backup") ? backend + " backup" : backend,
                            k -> new ArrayList<>()).add(words[2]);
                    default -> { }
                }
            }
            return new Routing(acls, rules, fallback, servers, balances);
        }

        String backendFor(String path) {
            return rules.stream().filter(rule -> acls.get(rule[1]).stream().anyMatch(acl -> matches(acl, path)))
                    .map(rule -> rule[0]).findFirst().orElse(fallback);
        }

        List<String> serversFor(String path) {
            List<String> ready = servers.get(backendFor(path));
            assertThat(servers.get(backendFor(path) + " backup")).as("the backups of %s", backendFor(path))
                    .isEqualTo(ready);
            return ready;
        }

        String balance(String backend) {
            return balances.get(backend);
        }

        private static boolean matches(String[] acl, String path) {
            return switch (acl[0]) {
                case "path" -> path.equals(acl[1]);
                case "path_beg" -> path.startsWith(acl[1]);
                default -> throw new AssertionError("an ACL the test does not read: " + String.join(" ", acl));
            };
        }
    }
}
