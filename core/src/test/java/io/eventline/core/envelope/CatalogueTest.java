package io.eventline.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    sealed interface Greeting permits Greeted, Waved {
    }

    /** v1 {name}; v2 added language (English before); v3 renamed name to person. */
    record Greeted(String person, String language) implements Greeting {
    }

    record Waved(String person) implements Greeting {
    }

    static final Catalogue<Greeting> CATALOGUE = Catalogue.of(Greeting.class)
            .add("greeting.greeted", Greeted.class, 3,
                    data -> data.put("language", "en"),
                    data -> {
                        data.set("person", data.remove("name"));
                        return data;
                    })
            .add("greeting.waved", Waved.class)
            .build();

    @Test
    void shouldUpcastEveryOlderVersionToTheCurrentOne() throws IOException {
        assertThat(CATALOGUE.decode("greeting.greeted", 1, json("{\"name\":\"ada\"}")))
                .isEqualTo(new Greeted("ada", "en"));
        assertThat(CATALOGUE.decode("greeting.greeted", 2, json("{\"name\":\"ada\",\"language\":\"fr\"}")))
                .isEqualTo(new Greeted("ada", "fr"));
        assertThat(CATALOGUE.decode("greeting.greeted", 3, json("{\"person\":\"ada\",\"language\":\"fr\"}")))
                .isEqualTo(new Greeted("ada", "fr"));
    }

    @Test
    void shouldNotModifyTheDataItReadsWhenUpcasting() throws IOException {
        JsonNode v1 = json("{\"name\":\"ada\"}");
        CATALOGUE.decode("greeting.greeted", 1, v1);
        assertThat(v1).isEqualTo(json("{\"name\":\"ada\"}"));
    }

    @Test
    void shouldWriteTheCurrentVersion() throws IOException {
        Greeting greeted = new Greeted("ada", "fr");
        assertThat(CATALOGUE.typeOf(greeted).currentVersion()).isEqualTo(3);
        assertThat(CATALOGUE.encode(greeted)).isEqualTo(json("{\"person\":\"ada\",\"language\":\"fr\"}"));
    }

    @Test
    void shouldRefuseAnUnknownTypeOrAFutureVersion() throws IOException {
        assertThatThrownBy(() -> CATALOGUE.decode("greeting.shouted", 1, json("{}")))
                .isInstanceOf(UnknownMessageTypeException.class).hasMessageContaining("greeting.shouted");
        assertThatThrownBy(() -> CATALOGUE.decode("greeting.waved", 2, json("{\"person\":\"ada\"}")))
                .isInstanceOf(UnknownMessageTypeException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> CATALOGUE.decode("greeting.waved", 0, json("{\"person\":\"ada\"}")))
                .isInstanceOf(UnknownMessageTypeException.class);
    }

    @Test
    void shouldRefuseDataThatDoesNotFitTheType() throws IOException {
        assertThatThrownBy(() -> CATALOGUE.decode("greeting.waved", 1, json("{\"person\":\"ada\",\"extra\":1}")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> CATALOGUE.decode("greeting.waved", 1, json("[1]")))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void shouldRefuseACatalogueWhoseVersionsLackAnUpcaster() {
        assertThatThrownBy(() -> Catalogue.of(Greeting.class).add("greeting.waved", Waved.class, 2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 1 upcasters");
    }

    static ObjectNode object(String text) throws IOException {
        return (ObjectNode) json(text);
    }

    static JsonNode json(String text) throws IOException {
        return Json.readTree(text.getBytes(StandardCharsets.UTF_8));
    }
}
