package io.eventline.app.broker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * The KRaft controller quorum this node belongs to, and its place in it: one node alone (the default
 * embedded broker), or one of several nodes, each a broker and a controller, named by
 * {@code --controllers 1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095}.
 *
 * @param nodeId  this node's id, one of the voters
 * @param voters  every controller's loopback or network address, by node id
 */
public record Quorum(int nodeId, Map<Integer, Address> voters) {
    private static final Pattern VOTER = Pattern.compile("(\\d+)@(\\[[0-9a-fA-F:.]+]|[^:@,\\s]+):(\\d+)");

    /** A controller's {@code host:port}. */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public Quorum {
        voters = Map.copyOf(voters);
        if (!voters.containsKey(nodeId)) {
            throw new IllegalArgumentException("--node-id: " + nodeId + " is not among --controllers " + describe(voters));
        }
    }

    /** The embedded default: node 1 alone, its controller on {@code controllerPort}. */
    public static Quorum single(int controllerPort) {
        return new Quorum(BrokerSettings.NODE_ID, Map.of(BrokerSettings.NODE_ID, new Address("127.0.0.1", controllerPort)));
    }

    /**
     * @param controllers {@code id@host:port,…}, every node of the cluster, the same list on each node
     * @throws IllegalArgumentException naming the option at fault
     */
    public static Quorum parse(int nodeId, String controllers) {
        if (nodeId < 0) {
            throw new IllegalArgumentException("--node-id: 0 or more, was " + nodeId);
        }
        Map<Integer, Address> voters = new TreeMap<>();
        for (String voter : controllers.split(",")) {
            Matcher matcher = VOTER.matcher(voter.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("--controllers: each entry is id@host:port, was '" + voter.strip() + "'");
            }
            int port = Integer.parseInt(matcher.group(3));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--controllers: port 1 to 65535, was " + port + " in '" + voter.strip() + "'");
            }
            if (voters.put(Integer.parseInt(matcher.group(1)), new Address(matcher.group(2), port)) != null) {
                throw new IllegalArgumentException("--controllers: node id " + matcher.group(1) + " appears twice");
            }
        }
        return new Quorum(nodeId, voters);
    }

    public int size() {
        return voters.size();
    }

    public Address self() {
        return voters.get(nodeId);
    }

    /** Kafka's {@code controller.quorum.voters}: a static quorum, the same on every node. */
    String votersProperty() {
        return describe(voters);
    }

    /**
     * The cluster id a new cluster formats with. One node draws it at random; several nodes, started
     * apart with nothing shared but the {@code --controllers} list, derive it from that list, so they
     * agree on it without a formatting step of their own.
     */
    String newClusterId() {
        if (size() == 1) {
            return Uuid.randomUuid().toString();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("eventline-cluster:" + votersProperty()).getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(hash);
            return new Uuid(bytes.getLong(), bytes.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String describe(Map<Integer, Address> voters) {
        return new TreeMap<>(voters).entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
