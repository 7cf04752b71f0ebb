package io.eventline.analytics;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderShipped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * One order's sale of one sku: on the repartition topic keyed by sku, as JSON.
 *
 * @param revenue the sum of that sku's line totals in the order, in {@code currency}
 */
record SkuSale(long units, String currency, Money revenue) {
    SkuSale {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(revenue, "revenue");
    }

    /** One sale per sku of the order, lines of the same sku added up, in sku order. */
    static List<KeyValue<String, SkuSale>> perSku(OrderShipped order) {
        Map<String, Money> revenue = new TreeMap<>();
        for (OrderLine line : order.items()) {
            revenue.merge(line.sku(), line.lineTotal(), Money::plus);
        }
        return Lines.quantities(order.items()).entrySet().stream()
                .map(sku -> KeyValue.pair(sku.getKey(),
                        new SkuSale(sku.getValue(), order.currency(), revenue.get(sku.getKey()))))
                .toList();
    }
}
