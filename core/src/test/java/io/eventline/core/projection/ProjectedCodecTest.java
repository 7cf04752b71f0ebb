package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectedCodecTest {
    record Line(String sku, int quantity) {
    }

    record Basket(String owner, BigDecimal total, List<Line> lines, Map<String, String> notes, String coupon) {
    }

    private static final Projected<Basket> PROJECTED = new Projected<>(new Basket("ada", new BigDecimal("12.50"),
            List.of(new Line("apple", 2)), Map.of("gift", "yes"), null), 4, Instant.parse("2026-12-06T07:00:00.120Z"));
    private final ProjectedCodec<Basket> codec = new ProjectedCodec<>(Basket.class);

    @Test
    void shouldWriteWhatTheTreeOfTheViewWrites() {
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.put("version", 4);
        tree.put("updated", "2026-12-06T07:00:00.120Z");
        tree.set("view", Json.mapper().valueToTree(PROJECTED.view()));

        assertThat(new String(codec.write(PROJECTED), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(tree), StandardCharsets.UTF_8))
                .contains("\"total\":12.50");
    }

    @Test
    void shouldReadWhatItWritesWhateverTheOrderOfTheFields() {
        assertThat(codec.read(codec.write(PROJECTED))).isEqualTo(PROJECTED);
        byte[] reordered = ("{\"view\":" + new String(Json.write(PROJECTED.view()), StandardCharsets.UTF_8)
                + ",\"extra\":{\"a\":[1]},\"updated\":\"2026-12-06T07:00:00.120Z\",\"version\":4}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(codec.read(reordered)).isEqualTo(PROJECTED);
    }

    @Test
    void shouldRefuseWhatIsNoStoredView() {
        assertThatThrownBy(() -> codec.read("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> codec.read("{\"version\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("Basket");
    }
}
