package io.eventline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.AccountWithdrawn;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.contracts.accounts.Withdraw;
import io.eventline.core.testing.DeciderSpec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AccountDeciderTest {
    static final String ID = "alice";
    final DeciderSpec<AccountCommand, Account, AccountEvent> account = DeciderSpec.of(new AccountDecider());

    @Test
    void shouldDepositIntoANewAccount() {
        Account after = account.given().when(new Deposit(ID, money("100"))).then(new AccountDeposited(ID, money("100")));
        assertThat(after.balance()).isEqualTo(money("100"));
    }

    @Test
    void shouldWithdrawWhenFundsSuffice() {
        Account after = account.given(new AccountDeposited(ID, money("100")))
                .when(new Withdraw(ID, money("30")))
                .then(new AccountWithdrawn(ID, money("30")));
        assertThat(after.balance()).isEqualTo(money("70"));
    }

    @Test
    void shouldWithdrawTheExactBalance() {
        account.given(new AccountDeposited(ID, money("100")), new AccountWithdrawn(ID, money("30")))
                .when(new Withdraw(ID, money("70")))
                .then(new AccountWithdrawn(ID, money("70")));
    }

    @Test
    void shouldRejectAWithdrawalWhenFundsAreShort() {
        var rejection = account.given(new AccountDeposited(ID, money("100")))
                .when(new Withdraw(ID, money("100.01")))
                .thenRejected(AccountDecider.INSUFFICIENT_FUNDS);
        assertThat(rejection.field()).isEqualTo("amount");
        assertThat(rejection.getMessage()).contains("100.00", "100.01");
    }

    @Test
    void shouldRejectAWithdrawalFromAnEmptyAccount() {
        account.given().when(new Withdraw(ID, money("0.01"))).thenRejected(AccountDecider.INSUFFICIENT_FUNDS);
    }

    @Test
    void shouldRejectAmountsThatAreNotPositive() {
        account.given().when(new Deposit(ID, Money.ZERO)).thenRejected(AccountDecider.NOT_POSITIVE);
        account.given().when(new Withdraw(ID, new Money(-5))).thenRejected(AccountDecider.NOT_POSITIVE);
    }

    @Test
    void shouldRejectADepositThatWouldOverflowTheBalance() {
        account.given(new AccountDeposited(ID, new Money(Long.MAX_VALUE - 10)))
                .when(new Deposit(ID, new Money(11)))
                .thenRejected(AccountDecider.BALANCE_LIMIT);
    }

    static Money money(String amount) {
        return Money.of(new BigDecimal(amount));
    }
}
