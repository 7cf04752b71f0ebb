package io.eventline.app.load;

/**
 * What a load is: how many orders, at what rate, over how many customers and skus, and the share of
 * orders built to fail (no funds, no stock, no way to ship), so that every outcome shows.
 *
 * @param orders 1 to 1,000,000
 * @param rate orders per second, 1 to 10,000: an open model, orders go out on time whatever the answers
 * @param customers 1 to 10,000 customers who place the orders
 * @param skus 1 to 10,000 skus they buy
 * @param failurePercent 0 to 100: the share of orders that must be cancelled
 * @param seed makes the mix of orders the same from run to run
 */
public record LoadSettings(int orders, int rate, int customers, int skus, int failurePercent, long seed) {
    public static final int MAX_ORDERS = 1_000_000;
    public static final int MAX_RATE = 10_000;
    public static final int MAX_CUSTOMERS = 10_000;
    public static final int MAX_SKUS = 10_000;

    public LoadSettings {
        check("orders", orders, 1, MAX_ORDERS);
        check("rate", rate, 1, MAX_RATE);
        check("customers", customers, 1, MAX_CUSTOMERS);
        check("skus", skus, 1, MAX_SKUS);
        check("failures", failurePercent, 0, 100);
    }

    /** {@code orders} at {@code rate} over 20 customers and 10 skus. */
    public static LoadSettings of(int orders, int rate, int failurePercent) {
        return new LoadSettings(orders, rate, 20, 10, failurePercent, System.nanoTime());
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": from " + min + " to " + max + ", was " + value);
        }
    }
}
