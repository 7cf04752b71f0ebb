package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
    record Account(String owner, BigDecimal balance, List<String> holds) {
    }

    private static final Snapshot<Account> SNAPSHOT = new Snapshot<>(
            new Account("ada", new BigDecimal("100.00"), List.of("h-1")), 7,
            Instant.parse("2026-12-06T04:00:00.123Z"), Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void shouldWriteWhatTheTreeOfTheSnapshotWrites() {
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.put("version", 7);
        tree.put("timestamp", "2026-12-06T04:00:00.123Z");
        tree.put("created", "2026-12-01T00:00:00.000Z");
        tree.set("state", Json.mapper().valueToTree(SNAPSHOT.state()));

        assertThat(new String(new SnapshotCodec<>(Account.class).write(SNAPSHOT), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(tree), StandardCharsets.UTF_8))
                .contains("\"balance\":100.00");
    }

    @Test
    void shouldReadWhatItWrites() {
        SnapshotCodec<Account> codec = new SnapshotCodec<>(Account.class);

        assertThat(codec.read(codec.write(SNAPSHOT))).isEqualTo(SNAPSHOT);
    }
}
