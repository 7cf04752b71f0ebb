package io.eventline.accounts;

import io.eventline.contracts.Money;

/** The account as the API answers it: {@code {customerId, balance, version}}. */
record AccountView(String customerId, Money balance, long version) {
}
