package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTest {
    record Summary(String status, BigDecimal total, List<String> lines, Map<String, Integer> counts, String none) {
    }

    private static final Summary SUMMARY = new Summary("PAID", new BigDecimal("100.00"), List.of("a", "b"),
            Map.of("a", 1), null);

    @Test
    void shouldWriteTheRecordsBytesWithoutTheSummarysTree() {
        assertThat(written(new Reply.Refusal("funds.insufficient", "amount", "only 3.00"), List.of()))
                .isEqualTo(recorded(new Reply.Refusal("funds.insufficient", "amount", "only 3.00"), List.of()));
        assertThat(written(null, List.of("order.paid", "order.placed")))
                .isEqualTo(recorded(null, List.of("order.paid", "order.placed")))
                .contains("\"total\":100.00", "\"rejection\":null");
    }

    @Test
    void shouldBeReadAsTheRecord() throws Exception {
        Reply read = Json.mapper().readValue(Reply.toBytes("c-1", "o-1", 3, SUMMARY, List.of("order.paid"), null),
                Reply.class);

        assertThat(read).isEqualTo(new Reply("c-1", "o-1", 3, Json.mapper().valueToTree(SUMMARY),
                List.of("order.paid"), null));
    }

    private static String written(Reply.Refusal refusal, List<String> events) {
        return new String(Reply.toBytes("c-1", "o-1", 3, SUMMARY, events, refusal), StandardCharsets.UTF_8);
    }

    private static String recorded(Reply.Refusal refusal, List<String> events) {
        return new String(Json.write(new Reply("c-1", "o-1", 3, Json.mapper().valueToTree(SUMMARY), events, refusal)),
                StandardCharsets.UTF_8);
    }
}
