package io.eventline.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes rows of the products table with plain SQL, as any other client of the database would: the
 * route's write has no other effect, and what follows (the change, the event) is the same as for a
 * write from psql. A connection per write: writes are a person's, few, and local.
 */
final class ProductTable {
    private static final String UPSERT = """
            INSERT INTO products (sku, name, category, price, currency, active, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (sku) DO UPDATE SET name = excluded.name, category = excluded.category,
                price = excluded.price, currency = excluded.currency, active = excluded.active,
                updated_at = excluded.updated_at""";

    private final PostgresAddress database;

    ProductTable(PostgresAddress database) {
        this.database = database;
    }

    /** Inserts or replaces the row of {@code product.sku()}, in its own transaction. */
    void put(ProductBody product) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, product.sku());
            upsert.setString(2, product.name());
            upsert.setString(3, product.category());
            upsert.setBigDecimal(4, product.price());
            upsert.setString(5, product.currency());
            upsert.setBoolean(6, product.active());
            upsert.executeUpdate();
        }
    }
}
