package io.eventline.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;

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
}
