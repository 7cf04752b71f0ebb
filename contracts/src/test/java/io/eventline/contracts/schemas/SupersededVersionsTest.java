package io.eventline.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A type at version 2: its current schema from the record, version 1's from the file frozen when it was superseded. */
class SupersededVersionsTest {
    record Thing(String id, int count) {
    }

    record Other(String id) {
    }

    @Test
    void shouldReadAnOlderVersionFromItsFrozenFileWhenATypeHasMoved() throws Exception {
        Catalogue<Object> catalogue = Catalogue.of(Object.class).add("test.thing", Thing.class, 2, data -> data).build();

        List<EventSchema> schemas = EventSchemas.build(List.of(new EventTopic("things.events", catalogue)));

        assertThat(schemas).extracting(EventSchema::version).containsExactly(1, 2);
        assertThat(schemas.get(0).current()).isFalse();
        assertThat(schemas.get(0).schema()).isEqualTo(Json.readTree(
                SupersededVersionsTest.class.getResourceAsStream("/schemas/test.thing/v1.json").readAllBytes()));
        assertThat(schemas.get(1).schema().at("/properties/version/const").asInt()).isEqualTo(2);
        assertThat(schemas.get(1).schema().at("/properties/data/required")).hasSize(2);
    }

    @Test
    void shouldRefuseANewVersionWhenItHasNoUpcasterFromThePrevious() {
        assertThatThrownBy(() -> Catalogue.of(Object.class).add("test.thing", Thing.class, 2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("test.thing: version 2 needs 1 upcasters, has 0");
    }

    @Test
    void shouldNameTheFileToFreezeWhenAnOlderVersionHasNone() {
        Catalogue<Object> catalogue = Catalogue.of(Object.class).add("test.other", Other.class, 2, data -> data).build();

        assertThatThrownBy(() -> EventSchemas.build(List.of(new EventTopic("others.events", catalogue))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.other v1 is superseded: freeze its published schema, copy docs/schemas/test.other/v1.json"
                        + " to contracts/src/main/resources/schemas/test.other/v1.json");
    }
}
