package io.eventline.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The products table, the catalog's system of record, created if missing. {@code REPLICA IDENTITY FULL}
 * makes PostgreSQL log the whole old row on update and delete, so Debezium's change records carry a
 * full before image, not only the key. Money as {@code numeric(12,2)}: exact, two decimals, as in docs/api.md.
 * A trigger sets {@code updated_at} on every update, whoever writes the row.
 */
public final class CatalogSchema {
    static final String TABLE = "products";

    private CatalogSchema() {
    }

    /**
     * The reporting schema the JDBC sink upserts into (by primary key: a record written again changes
     * nothing): one row per sale line, keyed by the sale's event id, and one per order, its last status.
     * Created here, typed as an analyst expects (money exact, times with their zone); the sink adds a
     * column itself when the records gain one ({@code schema.evolution=basic}).
     */
    private static void reporting(Statement statement) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS reporting");
        statement.execute("""
                CREATE TABLE IF NOT EXISTS reporting.sales (
                    event_id text PRIMARY KEY,
                    order_id text NOT NULL,
                    sku      text NOT NULL,
                    name     text,
                    category text,
                    quantity bigint,
                    revenue  numeric(14,2),
                    currency char(3),
                    sold_at  timestamptz
                )""");
        statement.execute("""
                CREATE TABLE IF NOT EXISTS reporting.orders (
                    order_id   text PRIMARY KEY,
                    status     text,
                    version    bigint,
                    updated_at timestamptz
                )""");
    }

    /** Creates what is missing; an existing table is left as it is (its owner may have added columns). */
    public static void apply(PostgresAddress address) {
        try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS products (
                        sku        text PRIMARY KEY CHECK (sku ~ '^[A-Za-z0-9._-]{1,64}$'),
                        name       text NOT NULL,
                        category   text NOT NULL,
                        price      numeric(12,2) NOT NULL CHECK (price > 0),
                        currency   char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
                        active     boolean NOT NULL DEFAULT true,
                        updated_at timestamptz NOT NULL DEFAULT now()
                    )""");
            statement.execute("ALTER TABLE products REPLICA IDENTITY FULL");
            // An UPDATE from any client stamps the row, as the table's owner would expect of updated_at.
            statement.execute("""
                    CREATE OR REPLACE FUNCTION products_touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN NEW.updated_at := now(); RETURN NEW; END $$""");
            statement.execute("""
                    CREATE OR REPLACE TRIGGER products_touch BEFORE UPDATE ON products
                    FOR EACH ROW EXECUTE FUNCTION products_touch()""");
            reporting(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the products table at " + address.url() + ": "
                    + e.getMessage(), e);
        }
    }
}
