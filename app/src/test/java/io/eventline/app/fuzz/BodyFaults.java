package io.eventline.app.fuzz;

import io.eventline.app.fuzz.Slot.Type;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Breaks a valid body in exactly one place, knowing which field the answer must name: a value out of
 * range or of the wrong type, a field missing, null, unknown (also nested) or of the wrong shape, deep
 * nesting. Faults that make the body no JSON object at all name {@code body}: see {@link BadJson}.
 */
final class BodyFaults {
    /** Jackson refuses documents nested deeper than 1000; well below it, the field is simply wrong. */
    private static final int SHALLOW = 400;
    private static final int DEEP = 1_200;

    private BodyFaults() {
    }

    static Arbitrary<BodyFault> of(Sample sample) {
        List<Slot> leaves = sample.slots().stream().filter(s -> s.type() != Type.OBJECT && s.type() != Type.ARRAY).toList();
        List<Slot> required = sample.slots().stream().filter(s -> s.required() && !s.path().isEmpty()).toList();
        List<Slot> objects = sample.slots().stream().filter(s -> s.type() == Type.OBJECT).toList();
        List<Slot> shaped = sample.slots().stream()
                .filter(s -> (s.type() == Type.OBJECT || s.type() == Type.ARRAY) && !s.path().isEmpty()).toList();
        Arbitrary<BodyFault> faults = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(leaves).flatMap(slot -> invalidValue(sample, slot))),
                Tuple.of(2, Arbitraries.of(members(required)).map(slot -> BodyFault.of("missing-field",
                        slot.remove(sample.body()), slot.field()))),
                Tuple.of(1, Arbitraries.of(required).map(slot -> BodyFault.of("null-field",
                        slot.replace(sample.body(), Doc.raw("null")), slot.field()))),
                Tuple.of(2, Arbitraries.of(objects).flatMap(slot -> unknownMember(sample, slot))),
                Tuple.of(1, Arbitraries.of(leaves).flatMap(slot -> nested(sample, slot))),
                Tuple.of(3, BadJson.of(sample)));
        return shaped.isEmpty() ? faults : Arbitraries.frequencyOf(Tuple.of(12, faults),
                Tuple.of(1, Arbitraries.of(shaped).flatMap(slot -> wrongShape(sample, slot))));
    }

    /** Slots that are an object's members, so can be left out (an array's elements cannot). */
    private static List<Slot> members(List<Slot> slots) {
        return slots.stream().filter(slot -> slot.path().getLast() instanceof String).toList();
    }

    private static Arbitrary<BodyFault> invalidValue(Sample sample, Slot slot) {
        Arbitrary<Doc> invalid = switch (slot.type()) {
            case MONEY -> Values.invalidMoney();
            case QUANTITY -> Values.invalidQuantity();
            case ID -> Values.invalidIdValue();
            case TEXT -> Values.invalidText();
            case CURRENCY -> Values.invalidCurrency();
            case COUNTRY -> Values.invalidCountry();
            case EMAIL -> Values.invalidEmail();
            case OBJECT, ARRAY -> throw new IllegalArgumentException("not a leaf: " + slot.field());
        };
        return invalid.map(value -> BodyFault.of("field-value", slot.replace(sample.body(), value), slot.field()));
    }

    private static Arbitrary<BodyFault> unknownMember(Sample sample, Slot slot) {
        Arbitrary<Doc> value = Arbitraries.of(Doc.raw("1"), Doc.text("x"), Doc.raw("null"), Doc.raw("{}"), Doc.raw("[]"));
        return Combinators.combine(Values.unknownName(slot.members()), value).as((name, v) -> BodyFault.of(
                slot.path().isEmpty() ? "unknown-field" : "nested-unknown-field",
                slot.addMember(sample.body(), name, v), slot.member(name)));
    }

    /** A leaf replaced by arrays or objects nested {@code depth} deep. */
    private static Arbitrary<BodyFault> nested(Sample sample, Slot slot) {
        Arbitrary<Integer> depth = Arbitraries.oneOf(Arbitraries.integers().between(1, SHALLOW),
                Arbitraries.integers().between(DEEP, 3 * DEEP));
        return Combinators.combine(depth, Arbitraries.of(true, false)).as((d, arrays) -> BodyFault.of("deep-nesting",
                slot.replace(sample.body(), Doc.raw(arrays ? "[".repeat(d) + "]".repeat(d)
                        : "{\"a\":".repeat(d) + "1" + "}".repeat(d))), d >= DEEP ? "body" : slot.field()));
    }

    private static Arbitrary<BodyFault> wrongShape(Sample sample, Slot slot) {
        Arbitrary<Doc> other = slot.type() == Type.OBJECT
                ? Arbitraries.of(Doc.raw("1"), Doc.text("x"), Doc.raw("true"), Doc.raw("[]"), Doc.raw("[{}]"))
                : Arbitraries.of(Doc.raw("1"), Doc.text("x"), Doc.raw("true"), Doc.raw("{}"), Doc.raw("[]"));
        return other.map(value -> BodyFault.of("wrong-shape", slot.replace(sample.body(), value), slot.field()));
    }
}
