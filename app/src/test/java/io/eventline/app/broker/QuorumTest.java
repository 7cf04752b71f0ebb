package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuorumTest {
    private static final String THREE = "1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095";

    @Test
    void shouldReadEveryVoterAndFindItselfWhenGivenTheControllersList() {
        Quorum quorum = Quorum.parse(2, THREE);

        assertThat(quorum.size()).isEqualTo(3);
        assertThat(quorum.self()).isEqualTo(new Quorum.Address("127.0.0.1", 19094));
        assertThat(quorum.votersProperty()).isEqualTo(THREE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "4; " + THREE + "; --node-id: 4 is not among --controllers",
            "1; 1@127.0.0.1:19093,1@127.0.0.1:19094; --controllers: node id 1 appears twice",
            "1; 1@127.0.0.1; --controllers: each entry is id@host:port, was '1@127.0.0.1'",
            "1; 1@127.0.0.1:70000; --controllers: port 1 to 65535, was 70000",
            "-1; 1@127.0.0.1:19093; --node-id: 0 or more, was -1"})
    void shouldNameTheOptionAtFaultWhenTheQuorumIsWrong(int nodeId, String controllers, String message) {
        assertThatThrownBy(() -> Quorum.parse(nodeId, controllers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void shouldDeriveOneClusterIdOnEveryNodeWhenTheyShareTheControllersList() {
        String first = Quorum.parse(1, THREE).newClusterId();

        assertThat(Quorum.parse(3, " 3@127.0.0.1:19095, 2@127.0.0.1:19094,1@127.0.0.1:19093").newClusterId())
                .isEqualTo(first);
        assertThat(Quorum.parse(1, "1@127.0.0.1:29093,2@127.0.0.1:29094,3@127.0.0.1:29095").newClusterId())
                .isNotEqualTo(first);
        assertThat(Quorum.single(9093).newClusterId()).isNotEqualTo(Quorum.single(9093).newClusterId());
    }

    @Test
    void shouldReplicateThreeWaysWithTwoInSyncWhenThreeNodes() {
        var properties = new BrokerSettings(Path.of("logs"), "127.0.0.1", 9092, Quorum.parse(1, THREE), Map.of())
                .toProperties();

        assertThat(properties).containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.min.isr", "2").containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", THREE);
        assertThat(properties.stringPropertyNames()).isSubsetOf(KafkaConfig.configDef().names());
    }
}
