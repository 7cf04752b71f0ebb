package io.eventline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.testing.GoldenEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every event type and version ever written stays readable: the contract of API.md, held by files. */
class GoldenEventsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void shouldReadEveryVersionOfEveryAccountEvent() {
        GoldenEvents.verify(AccountContracts.EVENTS, GOLDEN);
    }

    @Test
    void shouldReadMoneyExactlyFromTheWire() throws IOException {
        var envelope = EnvelopeCodec.fromBytes(Files.readAllBytes(GOLDEN.resolve("account.deposited/v1.json")));
        var event = AccountContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
        assertThat(event).isEqualTo(new AccountDeposited("alice", Money.of(new BigDecimal("100"))));
    }
}
