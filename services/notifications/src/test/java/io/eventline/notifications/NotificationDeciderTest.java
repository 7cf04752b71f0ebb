package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.contracts.notifications.Notify;
import io.eventline.core.testing.DeciderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationDeciderTest {
    static final String ORDER = "o-1";
    static final String EMAIL = "alice@example.com";
    static final NotificationSent SHIPPED = new NotificationSent(
            ORDER, "alice", "SHIPPED", null, EMAIL, "Your order o-1 has shipped");

    final DeciderSpec<NotificationCommand, Notification, NotificationEvent> notifications =
            DeciderSpec.of(new NotificationDecider());

    @Test
    void shouldSendTheShippedMessageWhenTheOrderIsNotifiedFirst() {
        Notification after = notifications.given()
                .when(new Notify(ORDER, "alice", "SHIPPED", null, EMAIL))
                .then(SHIPPED);
        assertThat(after).isEqualTo(new Notification("SHIPPED", EMAIL, "Your order o-1 has shipped"));
    }

    @ParameterizedTest
    @CsvSource({
            "OUT_OF_STOCK, 'Your order o-1 was cancelled: out of stock'",
            "INSUFFICIENT_FUNDS, 'Your order o-1 was cancelled: insufficient funds'",
            "SHIPPING_UNAVAILABLE, 'Your order o-1 was cancelled: shipping unavailable'",
            "TIMED_OUT, 'Your order o-1 was cancelled: timed out'",
            "CANCELLED_BY_CUSTOMER, 'Your order o-1 was cancelled at your request'"})
    void shouldPutTheReasonInWordsWhenTheOrderWasCancelled(String reason, String subject) {
        notifications.given()
                .when(new Notify(ORDER, "alice", "CANCELLED", reason, EMAIL))
                .then(new NotificationSent(ORDER, "alice", "CANCELLED", reason, EMAIL, subject));
    }

    @Test
    void shouldSendNothingWhenTheSameOutcomeIsAskedAgain() {
        notifications.given(SHIPPED).when(new Notify(ORDER, "alice", "SHIPPED", null, EMAIL)).then();
    }

    @Test
    void shouldSendNothingWhenAnotherOutcomeFollowsTheFirst() {
        notifications.given(SHIPPED).when(new Notify(ORDER, "alice", "CANCELLED", "TIMED_OUT", EMAIL)).then();
    }

    @Test
    void shouldSendWithoutAnAddressWhenTheCustomerIsUnknown() {
        notifications.given()
                .when(new Notify(ORDER, "ghost", "SHIPPED", null, null))
                .then(new NotificationSent(ORDER, "ghost", "SHIPPED", null, null, "Your order o-1 has shipped"));
    }

    @Test
    void shouldRejectWhenTheOutcomeIsUnknown() {
        var rejection = notifications.given()
                .when(new Notify(ORDER, "alice", "LOST", null, EMAIL))
                .thenRejected(NotificationDecider.UNKNOWN_OUTCOME);
        assertThat(rejection.field()).isEqualTo("outcome");
    }
}
