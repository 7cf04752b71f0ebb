package io.eventline.analytics;

import io.eventline.contracts.Money;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sku's sales in one window: units sold, revenue per currency (never added across currencies), and
 * how many orders it was in. Stored as JSON in {@code analytics-sales}.
 */
record SalesFigures(long units, SortedMap<String, Money> revenue, long orders) {
    static final SalesFigures NONE = new SalesFigures(0, new TreeMap<>(), 0);

    SalesFigures {
        revenue = Collections.unmodifiableSortedMap(new TreeMap<>(revenue));
    }

    SalesFigures plus(SkuSale sale) {
        SortedMap<String, Money> next = new TreeMap<>(revenue);
        next.merge(sale.currency(), sale.revenue(), Money::plus);
        return new SalesFigures(Math.addExact(units, sale.units()), next, orders + 1);
    }
}
