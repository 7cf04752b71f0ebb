package io.eventline.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class KeyRouterTest {
    private static final HostInfo SELF = new HostInfo("10.0.0.1", 8080);
    private static final HostInfo OTHER = new HostInfo("10.0.0.2", 8080);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String STORE = "accounts-snapshots";

    @Test
    void shouldAnswerLocallyWhenThisInstanceOwnsTheKeyAndItsStoreAnswers() throws Exception {
        Scripted placement = new Scripted(List.of(owner(SELF, 3)), List.of(true));

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE)).isEqualTo(new KeyOwner.Local(3));
    }

    @Test
    void shouldNameTheOwnerWhenAnotherInstanceHoldsTheKey() throws Exception {
        Scripted placement = new Scripted(List.of(owner(OTHER, 5)), List.of(false));

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE))
                .isEqualTo(new KeyOwner.Remote(OTHER, 5));
    }

    @Test
    void shouldWaitForTheAssignmentWhenMetadataIsNotAvailableYet() throws Exception {
        Scripted placement = new Scripted(List.of(KeyQueryMetadata.NOT_AVAILABLE, owner(HostInfo.unavailable(), 2),
                owner(OTHER, 2)), List.of(false));

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE))
                .isEqualTo(new KeyOwner.Remote(OTHER, 2));
        assertThat(placement.lookups).isEqualTo(3);
    }

    @Test
    void shouldWaitForTheLocalStoreWhenItIsRestoring() throws Exception {
        Scripted placement = new Scripted(List.of(owner(SELF, 1)), List.of(false, false, true));

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE)).isEqualTo(new KeyOwner.Local(1));
        assertThat(placement.probes).isEqualTo(3);
    }

    @Test
    void shouldWaitWhenTheStreamsAreNotRunningYet() throws Exception {
        Scripted placement = new Scripted(List.of(owner(SELF, 0)), List.of(true));
        placement.failuresFirst = 2;

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE)).isEqualTo(new KeyOwner.Local(0));
    }

    @Test
    void shouldGiveUpWithAReasonWhenNothingSettlesWithinThePatience() throws Exception {
        Scripted placement = new Scripted(List.of(KeyQueryMetadata.NOT_AVAILABLE), List.of());

        KeyOwner owner = new KeyRouter(placement, SELF).locate(STORE, "alice", Duration.ofMillis(200));

        assertThat(owner).isInstanceOfSatisfying(KeyOwner.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains(STORE).contains("rebalancing"));
        assertThat(placement.lookups).isGreaterThan(1);
    }

    @Test
    void shouldAnswerLocallyWhenTheLocalTaskIsActiveThoughNoHostIsAdvertised() throws Exception {
        Scripted placement = new Scripted(List.of(owner(HostInfo.unavailable(), 2)), List.of(true));

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE)).isEqualTo(new KeyOwner.Local(2));
    }

    @Test
    void shouldNotWaitWhenAskedForNow() {
        Scripted placement = new Scripted(List.of(owner(SELF, 4)), List.of(false, true));

        assertThat(new KeyRouter(placement, SELF).now(STORE, "alice")).isInstanceOf(KeyOwner.Unavailable.class);
        assertThat(placement.probes).isEqualTo(1);
    }

    @Test
    void shouldAnswerLocallyWhenTheStoreIsGlobal() throws Exception {
        Scripted placement = new Scripted(List.of(new KeyQueryMetadata(SELF, Set.of(), -1)), List.of());

        assertThat(new KeyRouter(placement, SELF).locate(STORE, "alice", PATIENCE)).isEqualTo(new KeyOwner.Local(-1));
    }

    @Test
    void shouldRejectAStoreTheTopologyDoesNotHaveWhenLocating() {
        Scripted placement = new Scripted(Collections.singletonList(null), List.of());

        assertThatThrownBy(() -> new KeyRouter(placement, SELF).locate("no-such-store", "alice", PATIENCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-store");
    }

    private static KeyQueryMetadata owner(HostInfo host, int partition) {
        return new KeyQueryMetadata(host, Set.of(), partition);
    }

    /** Answers from scripts, in order; the last answer repeats. */
    private static final class Scripted implements Placement {
        private final List<KeyQueryMetadata> metadata;
        private final List<Boolean> answers;
        int failuresFirst;
        int lookups;
        int probes;

        Scripted(List<KeyQueryMetadata> metadata, List<Boolean> answers) {
            this.metadata = metadata;
            this.answers = answers;
        }

        @Override
        public KeyQueryMetadata metadata(String store, String key) {
            lookups++;
            if (lookups <= failuresFirst) {
                throw new StreamsNotStartedException("not started");
            }
            return metadata.get(Math.min(lookups - failuresFirst, metadata.size()) - 1);
        }

        @Override
        public boolean answers(String store, String key, int partition) {
            probes++;
            return answers.get(Math.min(probes, answers.size()) - 1);
        }
    }
}
