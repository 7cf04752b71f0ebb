package io.eventline.catalog;

import io.eventline.contracts.Money;
import io.eventline.contracts.catalog.SaleRecorded;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A category's sales in one minute: units sold, revenue per currency (never added across
 * currencies), and how many sale lines. Stored as JSON in {@link CategoryRevenue#STORE}.
 */
record CategoryFigures(long units, SortedMap<String, Money> revenue, long lines) {
    static final CategoryFigures NONE = new CategoryFigures(0, new TreeMap<>(), 0);

    CategoryFigures {
        revenue = Collections.unmodifiableSortedMap(new TreeMap<>(revenue));
    }

    CategoryFigures plus(SaleRecorded sale) {
        SortedMap<String, Money> next = new TreeMap<>(revenue);
        next.merge(sale.currency(), sale.revenue(), Money::plus);
        return new CategoryFigures(Math.addExact(units, sale.quantity()), next, lines + 1);
    }
}
