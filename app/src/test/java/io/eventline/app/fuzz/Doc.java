package io.eventline.app.fuzz;

import io.eventline.core.envelope.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JSON document kept as text fragments, so a generator can write what no JSON library would: a
 * number literal exactly as typed ({@code 1e999999999}, {@code 2.0}), duplicate keys, any order.
 */
sealed interface Doc {
    String render();

    static Doc raw(String json) {
        return new Raw(json);
    }

    static Doc text(String value) {
        return new Raw(Json.writeString(value));
    }

    /** A literal fragment, written as it is. */
    record Raw(String json) implements Doc {
        @Override
        public String render() {
            return json;
        }
    }

    /** An object's members in order; the same name may appear twice. */
    record Obj(List<Map.Entry<String, Doc>> members) implements Doc {
        public Obj {
            members = List.copyOf(members);
        }

        static Obj of(List<Map.Entry<String, Doc>> members) {
            return new Obj(members);
        }

        Doc get(String name) {
            return members.stream().filter(m -> m.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no member " + name));
        }

        Obj with(String name, Doc value) {
            List<Map.Entry<String, Doc>> changed = new ArrayList<>(members);
            changed.replaceAll(m -> m.getKey().equals(name) ? Map.entry(name, value) : m);
            return new Obj(changed);
        }

        Obj without(String name) {
            return new Obj(members.stream().filter(m -> !m.getKey().equals(name)).toList());
        }

        Obj plus(String name, Doc value) {
            List<Map.Entry<String, Doc>> more = new ArrayList<>(members);
            more.add(Map.entry(name, value));
            return new Obj(more);
        }

        @Override
        public String render() {
            return members.stream().map(m -> Json.writeString(m.getKey()) + ":" + m.getValue().render())
                    .collect(Collectors.joining(",", "{", "}"));
        }
    }

    /** An array's elements in order. */
    record Arr(List<Doc> elements) implements Doc {
        public Arr {
            elements = List.copyOf(elements);
        }

        Arr with(int index, Doc value) {
            List<Doc> changed = new ArrayList<>(elements);
            changed.set(index, value);
            return new Arr(changed);
        }

        @Override
        public String render() {
            return elements.stream().map(Doc::render).collect(Collectors.joining(",", "[", "]"));
        }
    }
}
