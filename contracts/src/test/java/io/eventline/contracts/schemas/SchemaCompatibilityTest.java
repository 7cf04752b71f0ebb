package io.eventline.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker itself, on deliberately broken pairs of a published schema and a current one. */
class SchemaCompatibilityTest {
    private final ObjectNode published = EventSchemas.find("order.placed", 1).orElseThrow().schema().deepCopy();

    @Test
    void shouldFindNothingWhenTheSchemaIsUnchanged() {
        assertThat(SchemaCompatibility.breaks(published, published.deepCopy())).isEmpty();
    }

    @Test
    void shouldNameAFieldRemovedWhenItIsGone() {
        ObjectNode current = published.deepCopy();
        data(current).withObject("properties").remove("currency");
        ((ArrayNode) data(current).get("required")).removeAll();

        assertThat(SchemaCompatibility.breaks(published, current)).contains("data.currency: removed");
    }

    @Test
    void shouldNameAFieldRetypedWhenItsTypeChanges() {
        ObjectNode current = published.deepCopy();
        data(current).withObject("properties").withObject("items").withObject("items").withObject("properties")
                .withObject("quantity").put("type", "string");

        assertThat(SchemaCompatibility.breaks(published, current))
                .containsExactly("data.items[].quantity: type changed from \"integer\" to \"string\"");
    }

    @Test
    void shouldNameANewFieldWhenReadersRejectUnknownOnes() {
        ObjectNode current = published.deepCopy();
        data(current).withObject("properties").putObject("coupon").put("type", "string");
        data(current).withArray("required").add("coupon");

        assertThat(SchemaCompatibility.breaks(published, current)).containsExactly(
                "data.coupon: new required field, which readers of this version reject or lack");
    }

    @Test
    void shouldAllowNarrowingButNotWideningWhenATypeMayBeNull() {
        ObjectNode nullable = published.deepCopy();
        data(nullable).withObject("properties").withObject("currency").putArray("type").add("string").add("null");

        assertThat(SchemaCompatibility.breaks(nullable, published)).isEmpty();
        assertThat(SchemaCompatibility.breaks(published, nullable)).hasSize(1).first().asString()
                .startsWith("data.currency: type changed");
    }

    @Test
    void shouldNameAPublishedVersionThatIsGone() {
        Map<String, JsonNode> docs = Map.of("order.placed/v7.json", published);

        assertThat(SchemaCompatibility.breaks(docs, EventSchemas.all())).containsExactly(
                "order.placed/v7.json: this published version is gone, and the log still holds its events");
    }

    private static ObjectNode data(ObjectNode schema) {
        return schema.withObject("properties").withObject("data");
    }
}
