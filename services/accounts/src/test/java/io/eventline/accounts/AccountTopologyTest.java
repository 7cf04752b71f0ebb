package io.eventline.accounts;

import static io.eventline.accounts.AccountDeciderTest.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.accounts.Account.Payment;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.AccountWithdrawn;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.contracts.accounts.RefundPayment;
import io.eventline.contracts.accounts.TakePayment;
import io.eventline.contracts.accounts.Withdraw;
import io.eventline.core.decider.Reply;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.testing.DeciderDriver;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountTopologyTest {
    static final Instant T1 = Instant.parse("2026-11-22T10:00:00.000Z");
    static final Instant T2 = Instant.parse("2026-11-22T10:00:05.000Z");

    final DeciderDriver<AccountCommand, Account, AccountEvent> driver = new DeciderDriver<>(AccountsService.AGGREGATE);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldAppendAccountEventsToAccountsEventsKeyedByCustomer() {
        driver.send("alice", new Deposit("alice", money("100")), T1);
        Reply reply = driver.send("alice", new Withdraw("alice", money("30")), T2);

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.version()).isEqualTo(2);
        assertThat(reply.summary().get("balance").decimalValue()).isEqualByComparingTo("70");
        List<EventEnvelope> events = driver.appended().stream()
                .peek(record -> assertThat(record.key()).isEqualTo("alice"))
                .map(record -> EnvelopeCodec.fromBytes(record.value())).toList();
        assertThat(events).extracting(e -> AccountContracts.EVENTS.decode(e.eventType(), e.version(), e.data()))
                .containsExactly(new AccountDeposited("alice", money("100")), new AccountWithdrawn("alice", money("30")));
        assertThat(events).extracting(e -> e.metadata().source()).containsOnly("accounts");
    }

    @Test
    void shouldReplyWithTheRejectionWhenFundsAreShort() {
        driver.send("alice", new Deposit("alice", money("100")), T1);
        driver.appended();

        Reply reply = driver.send("alice", new Withdraw("alice", money("130")), T2);

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.rejection().code()).isEqualTo(AccountDecider.INSUFFICIENT_FUNDS);
        assertThat(reply.rejection().field()).isEqualTo("amount");
        assertThat(driver.appended()).isEmpty();
    }

    @Test
    void shouldAnswerTheBalanceAsOfATimeBetweenTwoEvents() {
        driver.send("alice", new Deposit("alice", money("100")), T1);
        driver.send("alice", new Withdraw("alice", money("30")), T2);

        assertThat(driver.queries().asOf("alice", T1.plusSeconds(1)).orElseThrow().state().balance())
                .isEqualTo(money("100"));
        assertThat(driver.queries().current("alice").orElseThrow().state().balance()).isEqualTo(money("70"));
    }

    @Test
    void shouldTakeAndRefundEachOrdersPaymentOnceAndKeepNoneInTheSnapshotWhenManyOrdersCame() throws Exception {
        driver.send("alice", new Deposit("alice", money("1000")), T1);
        for (int order = 1; order <= 20; order++) {
            driver.send("alice", new TakePayment("alice", "o-" + order, money("10")), T1);
        }

        assertThat(driver.send("alice", new TakePayment("alice", "o-1", money("10")), T2).events()).isEmpty();
        assertThat(driver.send("alice", new RefundPayment("alice", "o-2"), T2).events())
                .containsExactly("payment.refunded");
        Reply again = driver.send("alice", new RefundPayment("alice", "o-2"), T2);

        assertThat(again.events()).isEmpty();
        assertThat(again.summary().get("balance").decimalValue()).isEqualByComparingTo("810");
        assertThat(again.summary().get("payments").size()).isZero();
        assertThat(Json.readTree(driver.store("accounts-snapshots").get("alice")).at("/state/payments").size())
                .isZero();
        assertThat(driver.queries().current("alice").orElseThrow().state().payments()).hasSize(20)
                .containsEntry("o-2", new Payment(money("10"), Payment.Status.REFUNDED));
    }
}
