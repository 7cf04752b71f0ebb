package io.eventline.core.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message types a service reads and writes, with their versions: the contract in code. Writing
 * always uses the current version; reading accepts every version from 1 to the current one and
 * upcasts it, and refuses a type or a version it does not know (a newer producer's) rather than
 * guess. Immutable and thread-safe once built.
 *
 * {@snippet :
 * Catalogue<AccountEvent> events = Catalogue.of(AccountEvent.class)
 *         .add("account.deposited", AccountDeposited.class)
 *         .add("account.withdrawn", AccountWithdrawn.class, 2, data -> data.put("note", ""))
 *         .build();
 * }
 *
 * @param <T> the sealed interface all the catalogue's records implement
 */
public final class Catalogue<T> {
    private final Map<String, MessageType<T>> byName;
    private final Map<Class<?>, MessageType<T>> byClass;

    private Catalogue(Map<String, MessageType<T>> byName) {
        this.byName = Map.copyOf(byName);
        Map<Class<?>, MessageType<T>> classes = new LinkedHashMap<>();
        byName.values().forEach(type -> classes.put(type.javaType(), type));
        this.byClass = Map.copyOf(classes);
    }

    public static <T> Builder<T> of(Class<T> root) {
        return new Builder<>(root);
    }

    public Collection<MessageType<T>> types() {
        return byName.values();
    }

    public Optional<MessageType<T>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The type of a message of this catalogue; a message of another is a programming error. */
    public MessageType<T> typeOf(T message) {
        MessageType<T> type = byClass.get(message.getClass());
        if (type == null) {
            throw new IllegalArgumentException(message.getClass().getName() + " is not in the catalogue");
        }
        return type;
    }

    /** The message's data at the current version of its type. */
    public ObjectNode encode(T message) {
        return Json.mapper().valueToTree(message);
    }

    /**
     * Reads the data of a message of the given type and version, upcasting it to the current version.
     *
     * @throws UnknownMessageTypeException for a type or a version this catalogue does not know
     * @throws MalformedMessageException when the data does not fit the type
     */
    public T decode(String typeName, int version, JsonNode data) {
        MessageType<T> type = byName.get(typeName);
        if (type == null) {
            throw new UnknownMessageTypeException("unknown type " + typeName);
        }
        if (version < 1 || version > type.currentVersion()) {
            throw new UnknownMessageTypeException(typeName + " version " + version
                    + " is not known here (versions 1 to " + type.currentVersion() + ")");
        }
        if (!(data instanceof ObjectNode object)) {
            throw new MalformedMessageException(typeName + " v" + version + ": data must be an object", null);
        }
        // Upcasters may change the tree they are given: a copy, for them only (most data is current).
        ObjectNode current = version < type.currentVersion() ? object.deepCopy() : object;
        for (int v = version; v < type.currentVersion(); v++) {
            current = type.upcasters().get(v - 1).upcast(current);
        }
        try {
            return Json.mapper().treeToValue(current, type.javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedMessageException(typeName + " v" + version + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
    }

    /** Builds a catalogue; names must be unique, and each record class may appear once. */
    public static final class Builder<T> {
        private final Class<T> root;
        private final Map<String, MessageType<T>> types = new LinkedHashMap<>();

        private Builder(Class<T> root) {
            this.root = root;
        }

        public Builder<T> add(String name, Class<? extends T> javaType) {
            return add(name, javaType, 1);
        }

        public Builder<T> add(String name, Class<? extends T> javaType, int currentVersion, Upcaster... upcasters) {
            if (!root.isAssignableFrom(javaType)) {
                throw new IllegalArgumentException(javaType + " does not implement " + root);
            }
            if (types.containsKey(name)) {
                throw new IllegalArgumentException("type " + name + " added twice");
            }
            types.put(name, new MessageType<>(name, currentVersion, javaType, new ArrayList<>(List.of(upcasters))));
            return this;
        }

        public Catalogue<T> build() {
            long classes = types.values().stream().map(MessageType::javaType).distinct().count();
            if (classes != types.size()) {
                throw new IllegalArgumentException("a record class is registered under two names");
            }
            return new Catalogue<>(types);
        }
    }
}
