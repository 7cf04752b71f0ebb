package io.eventline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.failure.InvalidField;
import io.eventline.core.failure.NotFound;
import io.eventline.core.failure.NotReady;
import io.eventline.core.failure.Rejected;
import io.eventline.core.failure.TimedOut;
import io.eventline.http.ApiException;
import io.eventline.http.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library's failures answer exactly as the problems core threw before it knew no HTTP. */
class ProblemsTest {
    @Test
    void shouldAnswer400NamingTheFieldWhenAnArgumentIsInvalid() {
        assertSame(Problems.problemOf(new InvalidField("after", "no dead letter x")),
                ApiException.badRequest("after", "no dead letter x"));
    }

    @Test
    void shouldAnswer404WhenNothingIsFound() {
        assertSame(Problems.problemOf(new NotFound("no dead letter x")), ApiException.notFound("no dead letter x"));
    }

    @Test
    void shouldAnswer409WithOrWithoutAFieldWhenRejected() {
        assertSame(Problems.problemOf(new Rejected(null, "x was already replayed")),
                ApiException.conflict(null, "x was already replayed"));
        assertSame(Problems.problemOf(new Rejected("amount", "funds are short")),
                ApiException.conflict("amount", "funds are short"));
    }

    @Test
    void shouldAnswer503WhenNotReadyOrTimedOut() {
        assertSame(Problems.problemOf(new NotReady("the view is not ready; retry")),
                ApiException.unavailable("the view is not ready; retry"));
        assertSame(Problems.problemOf(new TimedOut("no answer in time")), ApiException.unavailable("no answer in time"));
    }

    private static void assertSame(ApiException actual, ApiException expected) {
        assertThat(List.of(actual.status(), actual.title(), actual.detail()))
                .isEqualTo(List.of(expected.status(), expected.title(), expected.detail()));
        assertThat(actual.errors()).isEqualTo(expected.errors());
        assertThat(actual.errors()).allSatisfy(error -> assertThat(error).isInstanceOf(FieldError.class));
    }
}
