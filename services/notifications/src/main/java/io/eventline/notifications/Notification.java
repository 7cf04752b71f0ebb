package io.eventline.notifications;

/**
 * What notifications knows of one order: the message sent for its outcome, if any. An order has at
 * most one, so that a reaction that fires twice meets a state that says it is done.
 *
 * @param outcome {@code SHIPPED} or {@code CANCELLED}; null until the message is sent
 * @param to the address it went to; null when the customer was unknown
 */
public record Notification(String outcome, String to, String subject) {
    public static final Notification NONE = new Notification(null, null, null);

    boolean wasSent() {
        return outcome != null;
    }
}
