package io.eventline.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message as the API answers it: {@code {orderId, customerId, outcome, reason?, to, subject, at}},
 * {@code at} being when it was sent (ISO-8601 UTC, milliseconds). {@code to} stays, null, when no
 * address was known: the absence is the information.
 */
record NotificationView(String orderId, String customerId, String outcome,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                        String to, String subject, String at) {
}
