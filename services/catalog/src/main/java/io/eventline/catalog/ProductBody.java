package io.eventline.catalog;

import io.eventline.http.RequestBody;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/catalog/products/{sku}}: {@code {name, category, price, currency, active?}},
 * read strictly as docs/api.md reads every body (money, currency and text rules; unknown fields refused).
 */
record ProductBody(String sku, String name, String category, BigDecimal price, String currency, boolean active) {
    private static final int MAX_TEXT = 200;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** @throws io.eventline.http.ApiException 400 naming the field at fault */
    static ProductBody parse(String sku, byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes, Set.of("name", "category", "price", "currency", "active"));
        return new ProductBody(sku, body.string("name", 1, MAX_TEXT), body.string("category", 1, MAX_TEXT),
                body.decimal("price", 2, CENT, MAX_PRICE),
                body.string("currency", CURRENCY, "three capital letters (ISO 4217)"),
                !body.has("active") || body.bool("active"));
    }
}
