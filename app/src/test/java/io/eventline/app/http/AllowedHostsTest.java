package io.eventline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsTest {
    private final AllowedHosts hosts = AllowedHosts.of("127.0.0.1", "node-2.internal", List.of("eventline.example"));

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "LOCALHOST:8080", "localhost.:8080", "127.0.0.1:8080", "127.0.0.1",
        "[::1]:8080", "[::1]", "node-2.internal:8081", "eventline.example", "Eventline.Example:443"})
    void shouldAllowWhenTheHostIsALoopbackNameTheAdvertisedOneOrAConfiguredOne(String host) {
        assertThat(hosts.allows(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8080", "localhost.evil.example:8080", "127.0.0.1.nip.io:8080",
        "eventline.example.evil:80", "", ":8080", "::1:8080", "[::1", "10.0.0.1:8080"})
    void shouldRefuseWhenTheHostIsAnyOtherNameOrMalformed(String host) {
        assertThat(hosts.allows(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.7:8080", "[2001:db8::7]:8080"})
    void shouldAllowTheBindAddressWhenItIsNotLoopback(String host) {
        AllowedHosts bound = AllowedHosts.of(host.startsWith("[") ? "2001:db8::7" : "192.0.2.7", "127.0.0.1",
                List.of());
        assertThat(bound.allows(host)).isTrue();
        assertThat(bound.allows("evil.example:8080")).isFalse();
    }
}
