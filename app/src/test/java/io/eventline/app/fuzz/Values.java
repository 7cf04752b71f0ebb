package io.eventline.app.fuzz;

import java.math.BigDecimal;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Values by what docs/api.md allows: valid ones to build requests from, invalid ones to break them with. */
final class Values {
    static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    /** Characters an id must not have, a few of them multi-byte in UTF-8 or outside the BMP. */
    static final String[] BAD_ID_CHARS = {" ", "/", "\\", "%", "?", "#", "é", "中", "😀", ":", "@", "+", "~", ";",
        ",", "'", "\"", "<", ">", "*", "!", "$", "&", "=", "(", ")", "[", "]", "{", "}", "|", "^", "`", "\t"};

    private Values() {
    }

    /** A valid id, never one made only of dots (a path segment a server may resolve). */
    static Arbitrary<String> validId() {
        return Arbitraries.strings().withChars(ID_CHARS).ofMinLength(1).ofMaxLength(64)
                .filter(id -> !id.chars().allMatch(c -> c == '.'));
    }

    /** An id no request has created: a valid id with a prefix the known state never uses. */
    static Arbitrary<String> unknownId() {
        return validId().map(id -> ("nx-" + id).substring(0, Math.min(64, id.length() + 3)));
    }

    /** Invalid ids that can travel in a path: empty excluded (that is another route). */
    static Arbitrary<String> invalidPathId() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(ID_CHARS).ofMinLength(65).ofMaxLength(300),
                Combinators.combine(validId(), Arbitraries.of(BAD_ID_CHARS), Arbitraries.integers().between(0, 64))
                        .as((id, bad, at) -> id.substring(0, Math.min(at, id.length())) + bad
                                + id.substring(Math.min(at, id.length()))),
                Arbitraries.of("../x", "..%2Fx", "a/b", "%2F", "x%00", "\u00e9t\u00e9", "\u0430\u0431\u0432", "a b"));
    }

    static Arbitrary<Doc> invalidIdValue() {
        return Arbitraries.oneOf(invalidPathId().map(Doc::text),
                Arbitraries.of(Doc.text(""), Doc.text("a\u0000b"), Doc.text("line\nbreak"), Doc.raw("12"),
                        Doc.raw("true"), Doc.raw("[\"id\"]"), Doc.raw("{\"id\":\"x\"}")));
    }

    static Arbitrary<Doc> validMoney(String max) {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal(max)).ofScale(2)
                .map(amount -> Doc.raw(amount.toPlainString()));
    }

    static Arbitrary<Doc> invalidMoney() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "0.00", "-0", "-0.01", "-1", "0.001", "1.234", "1000000000.01", "1000000001",
                        "1e10", "1E+10", "99999999999999999999999", "1e999999999", "1e-999999999", "-1e3", "0.0000001",
                        "123456789012345678901234567890.5").map(Doc::raw),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000000000000"), BigDecimal.ZERO).ofScale(2)
                        .map(amount -> Doc.raw(amount.toPlainString())),
                Arbitraries.bigDecimals().between(new BigDecimal("1000000000.01"), new BigDecimal("1e15")).ofScale(2)
                        .map(amount -> Doc.raw(amount.toPlainString())),
                Arbitraries.integers().between(3, 12).flatMap(scale -> Arbitraries.bigDecimals()
                        .between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(scale))
                        .filter(amount -> amount.stripTrailingZeros().scale() > 2)
                        .map(amount -> Doc.raw(amount.toPlainString())),
                notANumber());
    }

    static Arbitrary<Doc> validQuantity(int max) {
        return Arbitraries.integers().between(1, max).map(q -> Doc.raw(Integer.toString(q)));
    }

    static Arbitrary<Doc> invalidQuantity() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "-1", "1000001", "2147483648", "-2147483649", "9223372036854775808", "1.5",
                        "2.0", "1e3", "1E2", "0.0", "1e999999999").map(Doc::raw),
                Arbitraries.integers().between(Integer.MIN_VALUE, 0).map(q -> Doc.raw(Integer.toString(q))),
                Arbitraries.integers().between(1_000_001, Integer.MAX_VALUE).map(q -> Doc.raw(Integer.toString(q))),
                notANumber());
    }

    private static Arbitrary<Doc> notANumber() {
        return Arbitraries.of(Doc.text("10"), Doc.text("ten"), Doc.text("NaN"), Doc.text("Infinity"),
                Doc.text("-Infinity"), Doc.text("1e309"), Doc.text(""), Doc.raw("true"), Doc.raw("false"),
                Doc.raw("[]"), Doc.raw("[1]"), Doc.raw("{}"), Doc.raw("{\"value\":1}"));
    }

    static Arbitrary<Doc> validText() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).alpha().withChars(" -'.\u00e9").map(Doc::text);
    }

    static Arbitrary<Doc> invalidText() {
        return Arbitraries.oneOf(
                Arbitraries.just(Doc.text("")),
                Arbitraries.strings().alpha().ofMinLength(201).ofMaxLength(400).map(Doc::text),
                Arbitraries.just(Doc.text("\uD83D\uDE00".repeat(201))),
                Arbitraries.of(Doc.raw("12"), Doc.raw("true"), Doc.raw("[\"a\"]"), Doc.raw("{\"a\":\"b\"}")));
    }

    static Arbitrary<Doc> invalidPattern(String validExample, Set<String> invalid) {
        return Arbitraries.oneOf(
                Arbitraries.of(invalid).map(Doc::text),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(8).filter(s -> !s.matches(validExample)).map(Doc::text),
                Arbitraries.of(Doc.raw("123"), Doc.raw("true"), Doc.raw("[\"X\"]"), Doc.raw("{}")));
    }

    static Arbitrary<Doc> invalidCurrency() {
        return invalidPattern("[A-Z]{3}", Set.of("usd", "US", "USDD", "", "U$D", "\u00c9UR", " USD", "USD ", "Eur",
                "EUROS", "12", "\uff25\uff35\uff32"));
    }

    static Arbitrary<Doc> invalidCountry() {
        return invalidPattern("[A-Z]{2}", Set.of("de", "D", "DEU", "", "D1", "\u00c9S", " DE", "DE ", "Fr", "\uff24\uff25"));
    }

    static Arbitrary<Doc> invalidEmail() {
        return Arbitraries.oneOf(
                Arbitraries.of("a", "a@", "@b", "a@@b", "a@b@c", "a b@c", "", "@", "ab", "a@ b", "a\t@b", "a@b\n",
                        "@@", "a.example.com").map(Doc::text),
                Arbitraries.strings().alpha().ofMinLength(260).ofMaxLength(400).map(local -> Doc.text(local + "@x.io")),
                Arbitraries.of(Doc.raw("42"), Doc.raw("true"), Doc.raw("[\"a@b\"]"), Doc.raw("{\"email\":\"a@b\"}")));
    }

    /** Field names a body never allows, near misses among them. */
    static Arbitrary<String> unknownName(Set<String> allowed) {
        return Arbitraries.oneOf(
                Arbitraries.of("x", "y", "id", "Amount", "amount ", " amount", "amounts", "ammount", "items2", "__proto__",
                        "constructor", "\u00e9", "\uD83D\uDE00", "a.b", "a[0]", "null", "AMOUNT", "type", ""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
                .filter(name -> !allowed.contains(name));
    }
}
