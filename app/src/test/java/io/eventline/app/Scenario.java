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

    record Sku(String id, int stock) {
    }

    record Item(String sku, int quantity, String price) {
    }

    record Order(String id, String customerId, List<Item> items, boolean cancelledByCustomer) {
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
