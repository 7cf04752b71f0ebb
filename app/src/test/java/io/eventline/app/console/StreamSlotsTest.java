package io.eventline.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.http.ApiException;
import org.junit.jupiter.api.Test;

class StreamSlotsTest {
    @Test
    void shouldRefuseWith503WhenEverySlotIsTakenAndGiveEachBackOnce() {
        StreamSlots slots = new StreamSlots(2);
        StreamSlots.Slot first = slots.take();
        slots.take();
        assertThatThrownBy(slots::take).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        first.close();
        first.close();
        assertThat(slots.open()).isEqualTo(1);
        slots.take();
        assertThatThrownBy(slots::take).isInstanceOf(ApiException.class);
    }
}
