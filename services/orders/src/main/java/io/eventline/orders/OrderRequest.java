package io.eventline.orders;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.http.ApiException;
import io.eventline.http.RequestBody;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads {@code POST /api/orders}: every field checked against docs/api.md, the one at fault named. */
final class OrderRequest {
    private static final Set<String> FIELDS = Set.of("orderId", "customerId", "items", "currency");
    private static final Set<String> ITEM_FIELDS = Set.of("sku", "quantity", "price");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MIN_PRICE = new BigDecimal("0.01");

    private OrderRequest() {
    }

    static PlaceOrder parse(byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes, FIELDS);
        String orderId = body.has("orderId") ? body.id("orderId") : UUID.randomUUID().toString();
        String customerId = body.id("customerId");
        List<OrderLine> items = body.objects("items", 1, 100, ITEM_FIELDS).stream()
                .map(item -> new OrderLine(item.id("sku"), item.integer("quantity", 1, 1_000_000),
                        Money.of(item.decimal("price", 2, MIN_PRICE, Money.MAX_AMOUNT.toDecimal()))))
                .toList();
        refuseTotalOverMax(items);
        String currency = body.string("currency", CURRENCY, "three capital letters (ISO 4217)");
        return new PlaceOrder(orderId, customerId, items, currency);
    }

    /**
     * The total is money too, so at most the maximum amount; added up exactly here, since lines that
     * are each in range can overflow the services' exact arithmetic once multiplied and summed.
     */
    private static void refuseTotalOverMax(List<OrderLine> items) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine item : items) {
            total = total.add(item.price().toDecimal().multiply(BigDecimal.valueOf(item.quantity())));
        }
        if (total.compareTo(Money.MAX_AMOUNT.toDecimal()) > 0) {
            throw ApiException.badRequest("items", "the order's total (quantity times price, added up) must be at most "
                    + Money.MAX_AMOUNT.toDecimal().toPlainString());
        }
    }
}
