package io.eventline.catalog;

import java.net.URI;
import java.net.URISyntaxException;
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

    /**
     * Reads {@code postgresql://user[:password]@host[:port]/database} (libpq's URI form, as psql takes
     * it; port 5432 by default).
     *
     * @throws IllegalArgumentException saying what is missing
     */
    public static PostgresAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("postgresql://user[:password]@host[:port]/database, was " + uri.getScheme()
                    + "://…");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || uri.getUserInfo() == null || path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("postgresql://user[:password]@host[:port]/database: a host, a user "
                    + "and a database are required");
        }
        String[] user = uri.getUserInfo().split(":", 2);
        return new PostgresAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user[0],
                user.length > 1 ? user[1] : "");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL, never the password: this is what a log or a printed config shows. */
    @Override
    public String toString() {
        return url();
    }

    /** The URL psql takes ({@code psql postgresql://postgres@127.0.0.1:5433/eventline}); no password in it. */
    public String url() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
