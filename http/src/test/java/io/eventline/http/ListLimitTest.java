package io.eventline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListLimitTest {
    @Test
    void shouldAnswerTheDefaultWhenNoneIsGivenAndTheValueWhenInRange() {
        assertThat(ListLimit.of("limit", null, 100, 1000)).isEqualTo(100);
        assertThat(ListLimit.of("limit", "1000", 100, 1000)).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "x", "", " 5", "1.0", "2147483648"})
    void shouldRefuseNamingTheFieldWhenTheLimitIsOutOfRangeOrMalformed(String value) {
        assertThatThrownBy(() -> ListLimit.of("limit", value, 100, 1000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field())
                        .isEqualTo("limit"));
    }
}
