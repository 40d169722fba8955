package org.hms.hub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hms.hub.broker.EmbeddedBroker;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * What the hub needs around it during the integration tests, prepared before the first test class starts the
 * Payara Micro container: an empty database (H2 directory removed, or the PostgreSQL schema dropped) and a real
 * Artemis broker on a reserved loopback port with an empty journal; and, when {@code it.oidc.port} is set, the
 * fake external identity provider ({@link TestIdentityProvider}).
 */
public class TestEnvironment implements TestExecutionListener {

    private static volatile EmbeddedBroker broker;

    /**
     * Between two test classes' servers, once the previous one has exited: rolls back what it left prepared in the
     * shared broker (as the launcher does at start), so that the next server is not held up by its messages.
     */
    public static void settleBroker() {
        EmbeddedBroker b = broker;
        if (b != null) {
            try {
                int n = b.rollBackPrepared();
                if (n > 0) {
                    System.out.println("TestEnvironment: rolled back " + n + " broker transaction branch(es) the"
                            + " previous server left prepared");
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot settle the broker's prepared transactions: " + e, e);
            }
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (System.getProperty("it.broker.port") == null) {
            return; // not the integration-test run
        }
        try {
            resetDatabase();
            Path brokerDir = Path.of(System.getProperty("it.broker.dir"));
            deleteTree(brokerDir);
            broker = EmbeddedBroker.start(brokerDir, "127.0.0.1", Integer.getInteger("it.broker.port"));
            if (Integer.getInteger("it.oidc.port") != null) {
                TestIdentityProvider.start(Integer.getInteger("it.oidc.port"));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the integration-test environment: " + e.getMessage(), e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        TestIdentityProvider.stop();
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                throw new IllegalStateException("Broker did not stop: " + e.getMessage(), e);
            }
        }
    }

    private static void resetDatabase() throws SQLException {
        String url = System.getProperty("it.db.url");
        if (url.startsWith("jdbc:h2:")) {
            deleteTree(Path.of(System.getProperty("it.h2.dir")));
            return;
        }
        try (Connection c = DriverManager.getConnection(url, System.getProperty("it.db.user"),
                System.getProperty("it.db.password")); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
