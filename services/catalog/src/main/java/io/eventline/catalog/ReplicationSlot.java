package io.eventline.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The replication slot Debezium reads the products table's changes from ({@code slot.name} in
 * {@code connect/catalog-source.json}). PostgreSQL keeps every byte of write-ahead log the slot has not
 * confirmed: how far behind the connector is, in bytes, is the source's lag.
 */
public final class ReplicationSlot {
    public static final String NAME = "eventline_catalog";

    private ReplicationSlot() {
    }

    /**
     * Bytes of write-ahead log written since the position the connector last confirmed; -1 when the
     * slot does not exist (yet, or any more).
     */
    public static long lagBytes(PostgresAddress database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement query = connection.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), "
                     + "confirmed_flush_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, NAME);
            try (ResultSet answer = query.executeQuery()) {
                return answer.next() ? answer.getLong(1) : -1;
            }
        }
    }
}
