package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.List;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class LeasesTest {
    private static final ConfigDef ADMIN = AdminClientConfig.configDef();

    @Test
    void settingsThatDifferOnlyByClientIdUnknownNamesOrSpellingAreOneClient() {
        assertThat(Leases.key(Map.of("bootstrap.servers", "b:9092", "client.id", "eventline-orders-admin",
                        "main.consumer.interceptor.classes", "x", "default.api.timeout.ms", 60_000), ADMIN))
                .isEqualTo(Leases.key(Map.of("bootstrap.servers", List.of("b:9092"), "client.id", "m"), ADMIN))
                .isNotEqualTo(Leases.key(Map.of("bootstrap.servers", "c:9092"), ADMIN))
                .isNotEqualTo(Leases.key(Map.of("bootstrap.servers", "b:9092", "request.timeout.ms", "1000"), ADMIN));
    }

    @Test
    void theLastLeaseClosesAndTheNextLeaseGetsANewClient() {
        Leases<Object> leases = new Leases<>();
        Map<String, Object> key = Map.of("bootstrap.servers", "b:9092");
        Object first = leases.lease(key, Object::new);
        assertThat(leases.lease(key, Object::new)).isSameAs(first);
        assertThat(leases.leased(first)).isEqualTo(2);

        assertThat(leases.release(key, first)).as("one lessee still holds it").isFalse();
        assertThat(leases.release(key, first)).as("the last lessee closes it").isTrue();

        Object second = leases.lease(key, Object::new);
        assertThat(second).isNotSameAs(first);
        assertThat(leases.release(key, first)).as("a second close of the old one").isFalse();
        assertThat(leases.leased(second)).as("leaves the new one alone").isEqualTo(1);
    }
}
