package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.decider.Cards.Card;
import io.eventline.core.decider.Cards.CardCommand;
import io.eventline.core.decider.Cards.CardEvent;
import io.eventline.core.decider.Cards.Punch;
import io.eventline.core.decider.Cards.Ticket;
import io.eventline.core.decider.Cards.Top;
import io.eventline.core.envelope.Json;
import io.eventline.core.testing.DeciderDriver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntriesTest {
    static final Instant T1 = Instant.parse("2026-11-23T10:00:00Z");

    final DeciderDriver<CardCommand, Card, CardEvent> driver = new DeciderDriver<>(Cards.AGGREGATE);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldKeepEachEntryUnderItsOwnKeyAndNoneInTheSnapshotOrReplyWhenCommandsNameThem() throws IOException {
        driver.send("card", new Punch("t1", 3), T1);
        Reply reply = driver.send("card", new Punch("t2", 4), T1);

        assertThat(reply.summary()).isEqualTo(Json.mapper().valueToTree(new Card(7, Map.of())));
        assertThat(snapshotState("card").get("tickets").size()).isZero();
        assertThat(entryKeys()).containsExactly("card|t1", "card|t2");
    }

    @Test
    void shouldDoACommandOnceForItsEntryWhenItComesAgainAfterOthers() {
        driver.send("card", new Punch("t1", 3), T1);
        driver.send("card", new Top(10), T1);
        driver.send("card", new Punch("t2", 4), T1);
        driver.appended();

        Reply again = driver.send("card", new Punch("t1", 3), T1);

        assertThat(again.events()).isEmpty();
        assertThat(again.version()).isEqualTo(3);
        assertThat(driver.appended()).isEmpty();
    }

    @Test
    void shouldAnswerTheCurrentStateWithEveryEntryWhenQueried() {
        driver.send("card", new Punch("t1", 3), T1);
        driver.send("card", new Punch("t2", 4), T1);
        driver.send("card-b", new Punch("t9", 1), T1);

        assertThat(driver.queries().current("card").orElseThrow().state())
                .isEqualTo(new Card(7, Map.of("t1", new Ticket(3), "t2", new Ticket(4))));
        assertThat(driver.queries().all().get("card-b").state()).isEqualTo(new Card(1, Map.of("t9", new Ticket(1))));
    }

    @Test
    void shouldSplitASnapshotThatHoldsItsEntriesWhenTheNextCommandReadsIt() throws IOException {
        Card before = new Card(3, Map.of("t1", new Ticket(3)));
        driver.store("cards-snapshots").put("card", new SnapshotCodec<>(Card.class).write(
                new Snapshot<>(before, 1, T1, T1)));

        Reply again = driver.send("card", new Punch("t1", 3), T1);

        assertThat(again.events()).isEmpty();
        assertThat(snapshotState("card").get("tickets").size()).isZero();
        assertThat(entryKeys()).containsExactly("card|t1");
        assertThat(driver.queries().current("card").orElseThrow().state()).isEqualTo(before);
    }

    private JsonNode snapshotState(String cardId) throws IOException {
        return Json.readTree(driver.store("cards-snapshots").get(cardId)).get("state");
    }

    private List<String> entryKeys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = driver.store("cards-entries").all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
