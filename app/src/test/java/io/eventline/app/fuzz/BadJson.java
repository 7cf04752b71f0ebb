package io.eventline.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bodies that are not one JSON object, made from a valid one: truncated, with trailing garbage, an
 * array or scalar for the object, duplicate keys, literals JSON does not have, comments, invalid
 * UTF-8, numbers too long to parse. The answer names {@code body}.
 */
final class BadJson {
    private static final String MARK = "\u0001MARK\u0001";
    private static final List<String> GARBAGE = List.of("x", "}", "{}", "[]", ",", "1", "\"a\"", "null", "{", "]",
            " garbage", ";", "\u0000", "\n{\"again\":1}", "//");
    private static final List<String> LITERALS = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "undefined",
            "'x'", "01", "+1", ".5", "1.", "0x1F", "TRUE", "nul", "tru", "word", "\"unterminated", "\"a\tb\"", "1 2",
            "--1", "1e", "1e+", "[1,]", "{\"a\":1,}", "[,1]", "{\"a\" 1}", "{a:1}", "\"\\x41\"", "\"\\u12\"", "-",
            ":", "\"a\"\"b\"");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    private BadJson() {
    }

    static Arbitrary<BodyFault> of(Sample sample) {
        String valid = sample.body().render();
        List<Slot> leaves = sample.slots().stream()
                .filter(s -> s.type() != Slot.Type.OBJECT && s.type() != Slot.Type.ARRAY).toList();
        List<Slot> objects = sample.slots().stream().filter(s -> s.type() == Slot.Type.OBJECT).toList();
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, valid.length() - 1).map(cut -> fault("truncated", valid.substring(0, cut))),
                Arbitraries.of(GARBAGE).map(garbage -> fault("trailing-garbage", valid + garbage)),
                Arbitraries.of("[" + valid + "]", "null", "true", "1", "\"" + valid.replace("\"", "\\\"") + "\"", "[]",
                        "", "   ", "\n", valid.replace("{", "[").replace("}", "]")).map(root -> fault("not-an-object", root)),
                Arbitraries.of(objects).filter(slot -> !slot.members().isEmpty()).flatMap(slot -> duplicate(sample, slot)),
                Combinators.combine(Arbitraries.of(leaves), Arbitraries.of(LITERALS)).as((slot, literal) ->
                        fault("bad-literal", slot.replace(sample.body(), Doc.raw(literal)).render())),
                Arbitraries.of("/* c */" + valid, "// c\n" + valid, valid + "/* c */", "#c\n" + valid)
                        .map(json -> fault("comment", json)),
                Combinators.combine(Arbitraries.of(leaves), Arbitraries.of(BAD_UTF8)).as((slot, bytes) ->
                        invalidUtf8(slot.replace(sample.body(), Doc.raw("\"a" + MARK + "\"")).render(), bytes)),
                Combinators.combine(Arbitraries.of(leaves), Arbitraries.integers().between(1_100, 3_000)).as((slot, n) ->
                        fault("number-too-long", slot.replace(sample.body(), Doc.raw("1".repeat(n))).render())));
    }

    /** Keys repeated in one object: refused, so that no reader has to guess which one counts. */
    private static Arbitrary<BodyFault> duplicate(Sample sample, Slot object) {
        Doc.Obj body = sample.body();
        Doc.Obj target = (Doc.Obj) navigate(body, object.path());
        return Arbitraries.of(target.members()).map(member -> fault("duplicate-key",
                object.addMember(body, member.getKey(), member.getValue()).render()));
    }

    private static Doc navigate(Doc doc, List<Object> path) {
        Doc at = doc;
        for (Object segment : path) {
            at = segment instanceof Integer i ? ((Doc.Arr) at).elements().get(i) : ((Doc.Obj) at).get((String) segment);
        }
        return at;
    }

    private static BodyFault invalidUtf8(String json, byte[] bad) {
        int at = json.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(json.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8));
        return new BodyFault("invalid-utf8", out.toByteArray(), "body");
    }

    private static BodyFault fault(String kind, String json) {
        return BodyFault.of(kind, json, "body");
    }
}
