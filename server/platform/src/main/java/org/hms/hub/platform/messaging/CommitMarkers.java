package org.hms.hub.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.hms.hub.platform.data.SchemaMigration;

/**
 * The record of which transactions' database part committed, so that a broker branch a crash left prepared can be
 * decided by what the database decided instead of being presumed aborted.
 * <p>
 * A transaction that sends messages ({@link TransactedJms#send}) gets a token; every message it sends carries the
 * token as the string property {@value #PROPERTY}, and the token is inserted into {@code hub_tx_commit} just before
 * the transaction completes — in the database's own commit, which (the database being the last agent) decides the
 * transaction. After a crash between that commit and the broker's, the launcher finds the token on the messages of
 * the broker's prepared branch: present in the table, the branch is committed (its messages are delivered, as the
 * committed rows expect); absent, it is rolled back (docs/architecture.md, "Transactions").
 * <p>
 * Tokens are the commit's time in epoch milliseconds (13 digits) and 16 random hexadecimal digits: their order is
 * their age, so old ones are deleted by one range on the primary key ({@link #prune}).
 */
@ApplicationScoped
public class CommitMarkers {

    /** The message property that carries the sending transaction's token; the launcher reads the same name. */
    public static final String PROPERTY = "hubTransaction";

    /** How long a token is kept: far longer than any commit takes, short enough to keep the table small. */
    public static final Duration KEPT = Duration.ofMinutes(10);

    /**
     * Looked up on first use, not injected: the first use can come on a container thread (a timer, an asynchronous
     * start-up task) on which the injection of a {@code java:app} resource into this application-scoped bean came out
     * {@code null} — and the bean kept it, failing every sending transaction after it.
     */
    private volatile DataSource db;

    private DataSource db() throws SQLException {
        DataSource d = db;
        if (d == null) {
            try {
                javax.naming.InitialContext naming = new javax.naming.InitialContext();
                try {
                    d = (DataSource) naming.lookup(SchemaMigration.DATASOURCE);
                } finally {
                    naming.close();
                }
            } catch (javax.naming.NamingException e) {
                throw new SQLException("Cannot look up " + SchemaMigration.DATASOURCE + ": " + e.getMessage(), e);
            }
            db = d;
        }
        return d;
    }

    /**
     * A new token, ordered by {@code millis}: as {@code String.format("%013d%016x", millis, random)}, without the
     * formatter, which cost about one percent of the hub's CPU under load (one token per sending transaction).
     */
    static String newToken(long millis) {
        StringBuilder token = new StringBuilder(29);
        padded(token, Long.toString(millis), 13);
        padded(token, Long.toHexString(ThreadLocalRandom.current().nextLong()), 16);
        return token.toString();
    }

    private static void padded(StringBuilder to, String digits, int width) {
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        to.append(digits);
    }

    /** Inserts the token in the current transaction: it is there if, and only if, the transaction commits. */
    void write(String token) throws SQLException {
        try (Connection c = db().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO hub_tx_commit (token) VALUES (?)")) {
            s.setString(1, token);
            s.executeUpdate();
        }
    }

    /** Deletes the tokens written before {@code cutoff}; returns how many. */
    public int prune(Instant cutoff) throws SQLException {
        try (Connection c = db().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM hub_tx_commit WHERE token < ?")) {
            s.setString(1, String.format("%013d", cutoff.toEpochMilli()));
            return s.executeUpdate();
        }
    }
}
