package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerGuardTest {
    @Test
    void shouldFindNothingWhenEveryListenerIsOnLoopback() {
        assertThat(ListenerGuard.unguardedBeyondLoopback("127.0.0.1", 9092, null, Map.of())).isEmpty();
        assertThat(ListenerGuard.unguardedBeyondLoopback("localhost", 9092,
                Quorum.parse(1, "1@127.0.0.1:19093,2@127.0.0.1:19094"), Map.of())).isEmpty();
    }

    @Test
    void shouldNameThePlaintextListenerWhenItListensOnEveryInterface() {
        assertThat(ListenerGuard.unguardedBeyondLoopback("0.0.0.0", 9092, null, Map.of()))
                .containsExactly("PLAINTEXT://0.0.0.0:9092 (PLAINTEXT)");
    }

    @Test
    void shouldFindNothingWhenTheListenerBeyondLoopbackUsesSaslOrTls() {
        Map<String, String> sasl = Map.of("listener.security.protocol.map", "PLAINTEXT:SASL_SSL,CONTROLLER:PLAINTEXT");
        assertThat(ListenerGuard.unguardedBeyondLoopback("0.0.0.0", 9092, null, sasl)).isEmpty();
        Map<String, String> named = Map.of("listeners", "EXTERNAL://:9093,CONTROLLER://127.0.0.1:19093",
                "listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT");
        assertThat(ListenerGuard.unguardedBeyondLoopback("127.0.0.1", 9092, null, named)).isEmpty();
    }

    @Test
    void shouldNameAListenerOfTheConfigFileWhenItIsPlaintextOnEveryInterface() {
        Map<String, String> open = Map.of("listeners", "PLAINTEXT://:9092,CONTROLLER://127.0.0.1:19093");
        assertThat(ListenerGuard.unguardedBeyondLoopback("127.0.0.1", 9092, null, open))
                .containsExactly("PLAINTEXT://:9092 (PLAINTEXT)");
    }
}
