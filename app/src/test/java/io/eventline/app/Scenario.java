package io.eventline.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random mix of customers, stock and orders that exercises every path of the saga: short
 * funds, short stock, no address, an address in Antarctica, customer cancels, and many orders on the
 * same accounts and skus at once. The same seed gives the same scenario.
 */
record Scenario(long seed, List<Customer> customers, List<Sku> skus, List<Order> orders) {
    enum AddressKind { NORMAL, NONE, ANTARCTICA }

    record Customer(String id, AddressKind address, String deposit) {
    }

    /** A sku and the stock added to it; 0: none ever added, the sku has no event. */
    record Sku(String id, int stock) {
    }

    record Item(String sku, int quantity, String price) {
    }

    record Order(String id, String customerId, List<Item> items, boolean cancelledByCustomer) {
    }

    /**
     * Orders that share nothing: each its own customer and skus, so each order's outcome depends on its
     * own funds, stock and address only, never on the timing of others. Two runs of it, in any saga
     * style, must end alike. No customer cancels: whether one lands before shipping is a race.
     */
    static Scenario independent(long seed, int orderCount) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>();
        List<Sku> skus = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            int roll = random.nextInt(100);
            AddressKind address = roll < 10 ? AddressKind.NONE : roll < 20 ? AddressKind.ANTARCTICA : AddressKind.NORMAL;
            List<Item> items = new ArrayList<>();
            long totalCents = 0;
            for (int l = 0; l < 1 + random.nextInt(3); l++) {
                String sku = "x-" + i + "-" + l;
                int quantity = 1 + random.nextInt(4);
                int cents = 100 + random.nextInt(4_000);
                items.add(new Item(sku, quantity, cents / 100 + "." + String.format("%02d", cents % 100)));
                totalCents += (long) quantity * cents;
                skus.add(new Sku(sku, random.nextInt(100) < 15 ? quantity - 1 : quantity + random.nextInt(5)));
            }
            long deposit = random.nextInt(100) < 20 ? totalCents - 1 : totalCents + random.nextInt(10_000);
            customers.add(new Customer("x-" + i, address, deposit / 100 + "." + String.format("%02d", deposit % 100)));
            orders.add(new Order("xo-" + i, "x-" + i, items, false));
        }
        return new Scenario(seed, customers, skus, orders);
    }

    static Scenario generate(long seed, int customerCount, int skuCount, int orderCount) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            int roll = random.nextInt(100);
            AddressKind address = roll < 8 ? AddressKind.NONE : roll < 14 ? AddressKind.ANTARCTICA : AddressKind.NORMAL;
            // Some accounts are rich, most run short after a few orders.
            String deposit = (random.nextInt(10) == 0 ? 5_000 : 50 + random.nextInt(400)) + "." + random.nextInt(10) + "0";
            customers.add(new Customer("c-" + i, address, deposit));
        }
        List<Sku> skus = new ArrayList<>();
        for (int i = 0; i < skuCount; i++) {
            skus.add(new Sku("sku-" + i, random.nextInt(4) == 0 ? 5 : 20 + random.nextInt(200)));
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            List<Item> items = new ArrayList<>();
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                Sku sku = skus.get(random.nextInt(skus.size()));
                items.add(new Item(sku.id(), 1 + random.nextInt(4), (1 + random.nextInt(40)) + "." + random.nextInt(100)));
            }
            orders.add(new Order("o-" + i, customer.id(), items, random.nextInt(100) < 8));
        }
        return new Scenario(seed, customers, skus, orders);
    }
}
