package org.hms.hub.platform.data;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The hub's datasource class for H2 ({@code hub.datasource.class-name}): H2's datasource offered to the server as
 * a plain {@link DataSource}, so that the pool enlists it as a local resource and the transaction manager commits
 * it as the last agent of a transaction whose other resources (the broker) are XA: they are prepared, H2 commits,
 * then they commit.
 * <p>
 * Not H2's XA connections: H2 keeps a prepared branch in the session that prepared it and rolls the session back
 * whenever the pool asks for a new handle, while Payara's pool uses a connection again once its branch has ended —
 * before that branch commits. Under load the database work of a committed transaction was then lost while its
 * broker work committed (order results audited as synced but never recorded; "Transaction … not found" at
 * {@code COMMIT TRANSACTION}). PostgreSQL joins the same way, through its own plain {@code PGSimpleDataSource}.
 */
public class H2DataSource implements DataSource {

    private final DataSource h2;

    public H2DataSource() {
        try {
            h2 = (DataSource) Class.forName("org.h2.jdbcx.JdbcDataSource").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The H2 driver (org.h2.jdbcx.JdbcDataSource) is not available", e);
        }
    }

    public void setURL(String url) {
        set("setURL", durable(url));
    }

    public void setUrl(String url) {
        setURL(url);
    }

    /**
     * The URL with {@code WRITE_DELAY=0} unless it sets a write delay itself: H2 writes a commit to its file up to
     * half a second later by default, so a killed process loses commits the broker — committed after H2 as the
     * last agent — has already acted on (seen: a poll's watermark lost, its pages pulled and delivered twice).
     */
    static String durable(String url) {
        if (url == null || url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    public String getURL() {
        return (String) get("getURL");
    }

    public void setUser(String user) {
        set("setUser", user);
    }

    public String getUser() {
        return (String) get("getUser");
    }

    public void setPassword(String password) {
        set("setPassword", password);
    }

    public void setDescription(String description) {
        set("setDescription", description);
    }

    public String getDescription() {
        return (String) get("getDescription");
    }

    private void set(String setter, String value) {
        try {
            h2.getClass().getMethod(setter, String.class).invoke(h2, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 datasource: " + setter + " failed", e);
        }
    }

    private Object get(String getter) {
        try {
            return h2.getClass().getMethod(getter).invoke(h2);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 datasource: " + getter + " failed", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return h2.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return h2.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || h2.isWrapperFor(type);
    }
}
