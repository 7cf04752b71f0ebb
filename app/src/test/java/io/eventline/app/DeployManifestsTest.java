package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in {@code deploy/}: well-formed, and routing as the app registers its
 * routes ({@link RouteTable}, which every start checks against the routes actually mounted): each
 * service's paths to that service's Deployment, with its readiness on {@code /health/ready}; the rest
 * to any instance. The Ingress is read as Kubernetes does: the longest {@code Prefix} path wins, a
 * prefix matching whole path elements.
 */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("").toAbsolutePath().getParent().resolve("deploy");
    private static List<JsonNode> documents;

    @BeforeAll
    static void read() throws IOException {
        documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = new YAMLMapper().createParser(file.toFile())) {
                    new YAMLMapper().readValues(parser, JsonNode.class).readAll().stream()
                            .filter(doc -> !doc.isMissingNode() && !doc.isNull()).forEach(documents::add);
                }
            }
        }
    }

    @Test
    void shouldNameApiVersionKindAndNameWhenAnyManifestIsRead() {
        assertThat(documents).hasSizeGreaterThan(10).allSatisfy(doc -> {
            assertThat(doc.path("apiVersion").asText()).as(doc.toString()).isNotEmpty();
            assertThat(doc.path("kind").asText()).as(doc.toString()).isNotEmpty();
            assertThat(doc.path("metadata").path("name").asText()).as(doc.toString()).isNotEmpty();
        });
    }

    @Test
    void shouldRunThreeKraftNodesThatAreBrokersAndControllersWhenStrimziReadsTheKafka() {
        JsonNode kafka = one("Kafka", "eventline");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        JsonNode pool = all("KafkaNodePool").getFirst();
        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("eventline");
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(pool.at("/spec/roles").toString()).contains("broker", "controller");
        assertThat(one("ConfigMap", "eventline-config").at("/data/EVENTLINE_BOOTSTRAP_SERVERS").asText())
                .isEqualTo("eventline-kafka-bootstrap:9092");
    }

    @Test
    void shouldRunEachServiceAsItsOwnDeploymentReadyOnHealthReadyWhenDeployed() {
        RouteTable.byService().keySet().forEach(service -> {
            JsonNode deployment = one("Deployment", "eventline-" + service);
            assertThat(deployment.at("/spec/replicas").asInt()).as(service).isPositive();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.path("args").toString()).as(service).isEqualTo("[\"service\",\"" + service + "\"]");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(service).isEqualTo("/health/ready");
            assertThat(container.at("/envFrom/0/configMapRef/name").asText()).as(service).isEqualTo("eventline-config");
        });
    }

    @Test
    void shouldRouteEveryPathOfEveryServiceToTheDeploymentServingItWhenTheIngressIsAsked() {
        RouteTable.byService().forEach((service, prefixes) -> {
            for (String prefix : prefixes) {
                for (String path : List.of(prefix, prefix + "/some-id/events")) {
                    assertThat(podsOf(ingressBackend(path))).as("%s (%s)", path, service)
                            .containsExactly("eventline-" + service);
                }
            }
        });
        assertThat(podsOf(ingressBackend("/api/ordersx"))).as("a prefix is whole path elements")
                .hasSize(RouteTable.byService().size());
    }

    @Test
    void shouldRouteWhatEveryInstanceServesToAnyAndTheLoadToOnePodWhenTheIngressIsAsked() {
        for (String prefix : RouteTable.ANY_INSTANCE) {
            assertThat(podsOf(ingressBackend(prefix))).as(prefix).hasSize(RouteTable.byService().size());
        }
        for (String prefix : RouteTable.ONE_INSTANCE) {
            JsonNode ingress = documents.stream().filter(doc -> doc.path("kind").asText().equals("Ingress"))
                    .filter(doc -> paths(doc).anyMatch(p -> p.path("path").asText().equals(prefix))).findFirst()
                    .orElseThrow(() -> new AssertionError("no Ingress routes " + prefix));
            assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1affinity").asText())
                    .as("a browser stays on the pod running its load").isEqualTo("cookie");
        }
    }

    /** The Service a request for {@code path} reaches: the longest matching Prefix path of every Ingress. */
    private static String ingressBackend(String path) {
        return documents.stream().filter(doc -> doc.path("kind").asText().equals("Ingress"))
                .flatMap(DeployManifestsTest::paths)
                .peek(p -> assertThat(p.path("pathType").asText()).isEqualTo("Prefix"))
                .filter(p -> matches(p.path("path").asText(), path))
                .max(Comparator.comparingInt(p -> p.path("path").asText().length()))
                .map(p -> p.at("/backend/service/name").asText())
                .orElseThrow(() -> new AssertionError("no Ingress path routes " + path));
    }

    private static Stream<JsonNode> paths(JsonNode ingress) {
        List<JsonNode> paths = new ArrayList<>();
        ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(paths::add));
        return paths.stream();
    }

    private static boolean matches(String prefix, String path) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The Deployments whose pods a Service selects. */
    private static List<String> podsOf(String service) {
        Map<String, Object> selector = new YAMLMapper().convertValue(one("Service", service).at("/spec/selector"),
                Map.class);
        assertThat(selector).as("the selector of Service %s", service).isNotEmpty();
        return all("Deployment").stream().filter(deployment -> selector.entrySet().stream().allMatch(label ->
                        deployment.at("/spec/template/metadata/labels").path(label.getKey()).asText()
                                .equals(label.getValue())))
                .map(deployment -> deployment.at("/metadata/name").asText()).toList();
    }

    private static JsonNode one(String kind, String name) {
        Optional<JsonNode> found = all(kind).stream()
                .filter(doc -> doc.at("/metadata/name").asText().equals(name)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + DEPLOY));
    }

    private static List<JsonNode> all(String kind) {
        return documents.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
    }
}
