package io.eventline.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HopStampTest {
    @Test
    void shouldReadWhatItWrites() {
        HopStamp stamp = new HopStamp("orders", "orders-decide", "orders.commands", "00f067aa0ba902b7", 5120,
                1_764_000_000_000_000L, 1_764_000_000_002_000L);
        assertThat(stamp.header()).isEqualTo("service=orders;step=orders-decide;read=orders.commands;"
                + "parent=00f067aa0ba902b7;waited=5120;received=1764000000000000;sent=1764000000002000");
        assertThat(HopStamp.parse(stamp.header())).contains(stamp);
        assertThat(stamp.startedTrace()).isFalse();
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() {
        assertThat(HopStamp.parse("service=a;step=b;read=c;parent=-;waited=-1;received=1;sent=2;later=x"))
                .hasValueSatisfying(stamp -> assertThat(stamp.startedTrace()).isTrue());
    }

    @Test
    void shouldRefuseWhatIsNoStamp() {
        assertThat(HopStamp.parse(null)).isEmpty();
        assertThat(HopStamp.parse("nonsense")).isEmpty();
        assertThat(HopStamp.parse("service=a;step=b;read=c;parent=-;waited=x;received=1;sent=2")).isEmpty();
        assertThat(HopStamp.parse("service=a;read=c;parent=-;waited=1;received=1;sent=2")).isEmpty();
    }
}
