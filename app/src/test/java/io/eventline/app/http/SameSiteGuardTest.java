package io.eventline.app.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.http.ApiException;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameSiteGuardTest {
    private static final String HOST = "127.0.0.1:8080";

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "-, -",                                  // curl, the CLI, Java's HttpClient
        "http://127.0.0.1:8080, same-origin",    // the console
        "http://127.0.0.1:8080, -",              // a browser without fetch metadata
        "HTTP://127.0.0.1:8080, -",
        "-, none"})                              // typed in the address bar
    void shouldPassWhenTheRequestComesFromNoPageOrTheServersOwn(String origin, String fetchSite) {
        assertThatCode(() -> SameSiteGuard.refuseForeignPage(HandlerType.POST, "/api/dlq/replay", HOST, origin,
                fetchSite)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "https://evil.example, -, Origin",
        "http://localhost:8080, -, Origin",      // another origin of this machine
        "http://127.0.0.1:3000, -, Origin",      // another port of it
        "null, -, Origin",                       // a sandboxed frame, a file
        "-, cross-site, Sec-Fetch-Site",
        "-, same-site, Sec-Fetch-Site",          // localhost:3000 is the same site as localhost:8080
        "http://127.0.0.1:8080, cross-site, Sec-Fetch-Site"})
    void shouldRefuseWithA403NamingTheHeaderWhenAPageOfAnotherSiteSentIt(String origin, String fetchSite,
                                                                         String header) {
        assertThatThrownBy(() -> SameSiteGuard.refuseForeignPage(HandlerType.POST, "/api/dlq/replay", HOST, origin,
                fetchSite))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(403);
                    org.assertj.core.api.Assertions.assertThat(e.detail()).contains("POST /api/dlq/replay");
                    org.assertj.core.api.Assertions.assertThat(e.errors().getFirst().field()).isEqualTo(header);
                });
    }

    @Test
    void shouldRefuseEveryKindOfWriteWhenTheOriginIsForeign() {
        for (HandlerType method : new HandlerType[] {HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE}) {
            assertThatThrownBy(() -> SameSiteGuard.refuseForeignPage(method, "/api/load", HOST,
                    "https://evil.example", null)).isInstanceOf(ApiException.class);
        }
    }
}
