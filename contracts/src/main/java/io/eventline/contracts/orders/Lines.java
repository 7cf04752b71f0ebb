package io.eventline.contracts.orders;

import io.eventline.contracts.Money;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Arithmetic over an order's lines that every service must do the same way. */
public final class Lines {
    private Lines() {
    }

    public static Money total(List<OrderLine> lines) {
        Money total = Money.ZERO;
        for (OrderLine line : lines) {
            total = total.plus(line.lineTotal());
        }
        return total;
    }

    /** Quantity per sku, lines of the same sku added up, in sku order (stable across services). */
    public static Map<String, Integer> quantities(List<OrderLine> lines) {
        Map<String, Integer> bySku = new TreeMap<>();
        for (OrderLine line : lines) {
            bySku.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return bySku;
    }
}
