package io.eventline.app.fuzz;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A place in a body where a value goes: its path ({@code ["items", 3, "price"]}), what it holds,
 * whether it must be there, and for an object the member names it allows.
 */
record Slot(List<Object> path, Type type, boolean required, Set<String> members) {
    enum Type { MONEY, QUANTITY, ID, TEXT, CURRENCY, COUNTRY, EMAIL, OBJECT, ARRAY }

    Slot {
        path = List.copyOf(path);
        members = Set.copyOf(members);
    }

    static Slot leaf(Type type, Object... path) {
        return new Slot(List.of(path), type, true, Set.of());
    }

    /** The field name as the API names it: {@code address.country}, {@code items[3].price}. */
    String field() {
        StringBuilder name = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(segment);
            }
        }
        return name.toString();
    }

    /** The field name of a member of this object. */
    String member(String name) {
        return path.isEmpty() ? name : field() + "." + name;
    }

    Doc.Obj replace(Doc.Obj body, Doc value) {
        return (Doc.Obj) update(body, path, old -> value);
    }

    Doc.Obj remove(Doc.Obj body) {
        String last = (String) path.getLast();
        return (Doc.Obj) update(body, path.subList(0, path.size() - 1), parent -> ((Doc.Obj) parent).without(last));
    }

    Doc.Obj addMember(Doc.Obj body, String name, Doc value) {
        return (Doc.Obj) update(body, path, object -> ((Doc.Obj) object).plus(name, value));
    }

    private static Doc update(Doc doc, List<Object> path, UnaryOperator<Doc> change) {
        if (path.isEmpty()) {
            return change.apply(doc);
        }
        List<Object> rest = path.subList(1, path.size());
        return switch (doc) {
            case Doc.Obj object -> object.with((String) path.getFirst(),
                    update(object.get((String) path.getFirst()), rest, change));
            case Doc.Arr array -> array.with((Integer) path.getFirst(),
                    update(array.elements().get((Integer) path.getFirst()), rest, change));
            case Doc.Raw raw -> throw new IllegalArgumentException("no path " + path + " in " + raw.json());
        };
    }
}
