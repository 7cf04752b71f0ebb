package io.eventline.catalog;

import java.util.Objects;

/**
 * Where the catalog's PostgreSQL is and who Eventline is there: what JDBC connects to, what the
 * Debezium connector is configured with, and what the banner prints (without the password).
 */
public record PostgresAddress(String host, int port, String database, String user, String password) {
    public PostgresAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("PostgreSQL port: 1 to 65535, was " + port);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL psql takes ({@code psql postgresql://postgres@127.0.0.1:5433/eventline}); no password in it. */
    public String url() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
