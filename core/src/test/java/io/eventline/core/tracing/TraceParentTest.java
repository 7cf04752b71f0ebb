package io.eventline.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {
    private static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void shouldReadAndWriteTheW3cExample() {
        TraceParent parent = TraceParent.parse(EXAMPLE).orElseThrow();
        assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.sampled()).isTrue();
        assertThat(parent.header()).isEqualTo(EXAMPLE);
    }

    @Test
    void shouldKeepTheTraceAndFlagsInAChild() {
        TraceParent parent = TraceParent.parse(EXAMPLE.replace("-01", "-00")).orElseThrow();
        TraceParent child = parent.child(TraceParent.randomSpanId());
        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(parent.spanId());
        assertThat(child.sampled()).isFalse();
    }

    @Test
    void shouldStartNewTracesWithValidIds() {
        TraceParent trace = TraceParent.newTrace();
        assertThat(TraceParent.parse(trace.header())).contains(trace);
        assertThat(TraceParent.newTrace().traceId()).isNotEqualTo(trace.traceId());
    }

    @Test
    void shouldAcceptALaterVersionWithMoreFields() {
        assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next"))
                .hasValueSatisfying(parent -> assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // no trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // no span id
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has four fields
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"}) // short trace id
    void shouldRefuseWhatIsNoTraceparent(String header) {
        assertThat(TraceParent.parse(header)).isEmpty();
    }

    /** The W3C grammar as a regular expression: what the hand-written reader must agree with. */
    private static final Pattern GRAMMAR =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    @Test
    void shouldAgreeWithTheGrammarOnMutatedHeaders() {
        Random random = new Random(55);
        String alphabet = "0123456789abcdefABF-xz \n";
        String[] seeds = {EXAMPLE, "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-next",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder header = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(header.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> header.insert(at, c);
                    case 1 -> { if (at < header.length()) header.setCharAt(at, c); }
                    default -> { if (at < header.length()) header.deleteCharAt(at); }
                }
            }
            String text = header.toString();
            assertThat(TraceParent.parse(text)).as(text).isEqualTo(byGrammar(text));
        }
    }

    private static java.util.Optional<TraceParent> byGrammar(String header) {
        Matcher m = GRAMMAR.matcher(header.trim());
        if (!m.matches() || m.group(1).equals("ff") || (m.group(1).equals("00") && m.group(5) != null)
                || m.group(2).equals("0".repeat(32)) || m.group(3).equals("0".repeat(16))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TraceParent(m.group(2), m.group(3), m.group(4)));
    }
}
