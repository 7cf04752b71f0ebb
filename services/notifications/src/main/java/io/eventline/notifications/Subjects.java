package io.eventline.notifications;

import io.eventline.contracts.notifications.Notify;
import io.eventline.core.decider.Rejection;
import java.util.Locale;

/** The subject line a person reads: "Your order o-1 has shipped", "… was cancelled: out of stock". */
final class Subjects {
    private Subjects() {
    }

    /** @throws Rejection for an outcome other than SHIPPED or CANCELLED: there is nothing to tell */
    static String of(Notify notify) {
        String order = "Your order " + notify.orderId();
        return switch (notify.outcome()) {
            case NotificationDecider.SHIPPED -> order + " has shipped";
            case NotificationDecider.CANCELLED -> order + " was cancelled" + because(notify.reason());
            default -> throw new Rejection(NotificationDecider.UNKNOWN_OUTCOME, "outcome",
                    "outcome must be SHIPPED or CANCELLED, was " + notify.outcome());
        };
    }

    /**
     * The reason in words. Reasons travel as strings (CancelReason's names), so a reason added later
     * still reads: OUT_OF_STOCK becomes "out of stock".
     */
    private static String because(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.equals("CANCELLED_BY_CUSTOMER")) {
            return " at your request";
        }
        return ": " + reason.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
