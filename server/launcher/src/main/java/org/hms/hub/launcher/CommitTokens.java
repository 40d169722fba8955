package org.hms.hub.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Asks the hub's database which of the commit tokens found on the embedded broker's prepared branches it holds —
 * the transactions whose database part committed ({@code hub_tx_commit}, written by the application's
 * {@code CommitMarkers}). Runs at start, before the application connects, only when a branch was left prepared.
 * <p>
 * The drivers are the application's own: H2 is part of Payara's runtime, on the launcher's class path (the same
 * engine the application then opens the file with); PostgreSQL's driver is one of the application libraries.
 */
final class CommitTokens {

    private static final Logger LOG = Logger.getLogger(CommitTokens.class.getName());

    /** Tokens asked for in one statement. */
    private static final int CHUNK = 500;

    private CommitTokens() {
    }

    /**
     * The look-up the broker's settling uses: when the database cannot answer (unreachable, not migrated yet), it
     * logs why and answers none, so that every branch is rolled back (presumed abort).
     */
    static Function<Set<String>, Set<String>> lookup(LaunchSettings settings, Path libraries) {
        return tokens -> {
            try {
                return committed(settings.dbUrl(), settings.dbUser(), settings.dbPassword(),
                        driverLoader(settings.dbUrl(), libraries), tokens);
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "The database could not tell which in-doubt transactions committed ("
                        + e.getMessage() + "); their broker branches are rolled back", e);
                return Set.of();
            }
        };
    }

    /** The class loader to find the database's JDBC driver in. */
    static ClassLoader driverLoader(String url, Path libraries) throws IOException {
        if (!url.startsWith("jdbc:postgresql:")) {
            return CommitTokens.class.getClassLoader();
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(libraries)) {
            files.filter(f -> f.getFileName().toString().matches("postgresql-.*\\.jar")).forEach(f -> {
                try {
                    jars.add(f.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new URLClassLoader(jars.toArray(URL[]::new), CommitTokens.class.getClassLoader());
    }

    /** Those of {@code tokens} that the database at {@code url} holds. */
    static Set<String> committed(String url, String user, String password, ClassLoader drivers, Set<String> tokens)
            throws SQLException {
        Set<String> found = new HashSet<>();
        if (tokens.isEmpty()) {
            return found;
        }
        String at = url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS=")
                ? url + ";IFEXISTS=TRUE" : url; // never create an H2 database here
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection c = driver(at, drivers).connect(at, credentials)) {
            List<String> all = new ArrayList<>(tokens);
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT token FROM hub_tx_commit WHERE token IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Driver driver(String url, ClassLoader drivers) throws SQLException {
        for (Driver d : ServiceLoader.load(Driver.class, drivers)) {
            if (d.acceptsURL(url)) {
                return d;
            }
        }
        throw new SQLException("No JDBC driver for " + url);
    }
}
