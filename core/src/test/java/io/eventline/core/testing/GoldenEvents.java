package io.eventline.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MessageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files of every event type and version a catalogue has ever written, one envelope per file at
 * {@code <dir>/<eventType>/v<N>.json}. They hold the contract down: a change to a record that makes an
 * old version unreadable, or a type dropped from the catalogue while events of it are on the log,
 * fails the test that calls {@link #verify}.
 */
public final class GoldenEvents {
    private GoldenEvents() {
    }

    /**
     * @param all every catalogue whose golden files share {@code dir}: a file must belong to one of them
     */
    public static <E> void verify(Catalogue<E> catalogue, Path dir, List<Catalogue<?>> all) {
        for (MessageType<E> type : catalogue.types()) {
            for (int version = 1; version <= type.currentVersion(); version++) {
                Path file = dir.resolve(type.name()).resolve("v" + version + ".json");
                assertThat(file).as("golden file of %s v%d", type.name(), version).exists();
                EventEnvelope envelope = EnvelopeCodec.fromBytes(read(file));
                assertThat(envelope.eventType()).isEqualTo(type.name());
                assertThat(envelope.version()).isEqualTo(version);
                E event = catalogue.decode(envelope.eventType(), envelope.version(), envelope.data());
                if (version == type.currentVersion()) {
                    // The current version must also be what we write today, byte for byte in JSON terms.
                    JsonNode written = catalogue.encode(event);
                    assertThat(written).as("%s v%d written today", type.name(), version).isEqualTo(envelope.data());
                    assertThat(EnvelopeCodec.toTree(envelope)).isEqualTo(tree(file));
                }
            }
        }
        for (Path file : files(dir)) {
            String typeName = file.getParent().getFileName().toString();
            int version = Integer.parseInt(file.getFileName().toString().replaceAll("^v|\\.json$", ""));
            var type = all.stream().flatMap(c -> c.find(typeName).stream()).findFirst();
            assertThat(type).as("%s is on the log (golden %s) but in no catalogue any more", typeName, file).isPresent();
            assertThat(version).as("golden %s is newer than the catalogue's version", file)
                    .isLessThanOrEqualTo(type.orElseThrow().currentVersion());
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(".json")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return Json.readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
