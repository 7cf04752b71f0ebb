package io.eventline.notifications;

/** The mail webhook refused a message for good (a 4xx other than 408 and 429): it is dead-lettered. */
final class MailRefusedException extends RuntimeException {
    MailRefusedException(String message) {
        super(message);
    }
}
