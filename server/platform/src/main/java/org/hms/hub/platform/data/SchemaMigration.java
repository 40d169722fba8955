package org.hms.hub.platform.data;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the hub's one datasource and brings its schema up to date before anything else uses it.
 * <p>
 * The datasource takes part in the JTA transactions of the JMS resource adapter so that a JPA write and a JMS
 * send commit or roll back together: as the last agent ({@code hub.datasource.class-name} names a plain
 * {@code DataSource}: PostgreSQL's {@code PGSimpleDataSource}, or {@link H2DataSource}) — the broker's branches are
 * prepared, the database commits, then they commit — or as an XA resource when it names an {@code XADataSource}.
 * Every other start-up bean names this one in {@code @DependsOn}, so no query runs against an old schema.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=hub.datasource.class-name}",
        url = "${MPCONFIG=hub.datasource.url}",
        user = "${MPCONFIG=hub.datasource.user}",
        password = "${MPCONFIG=hub.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        initialPoolSize = 2,
        transactional = true,
        properties = {
                // Validation by Connection.isValid: the "auto-commit" method rolls back and toggles auto-commit on
                // the physical connection, which XA connections do not tolerate; and no "fail-all-connections": it
                // would close every pooled connection, those in the middle of a commit too, when one fails
                // validation. A dead connection is replaced alone.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=10"
        })
@Singleton
@Startup
public class SchemaMigration {

    /** JNDI name of the hub's datasource; every persistence unit uses it. */
    public static final String DATASOURCE = "java:app/jdbc/hub";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        String vendor;
        try (Connection c = dataSource.getConnection()) {
            vendor = vendor(c);
            if (org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("hub.startup.settle-in-doubt", Boolean.class).orElse(true)) {
                settleInDoubt(c, vendor);
            }
            if ("postgresql".equals(vendor)) {
                warnWithoutAutovacuum(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
        migrateSchema(vendor);
    }

    /**
     * Warns when PostgreSQL runs without autovacuum: the hub's tables are then never analyzed, and as they grow its
     * look-ups by key choose other indexes of the same estimated cost and read a whole tenant's rows (measured: the
     * order rate fell by a third over 10,000 orders; docs/operations.md).
     */
    private static void warnWithoutAutovacuum(Connection c) {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SHOW autovacuum")) {
            if (r.next() && "off".equalsIgnoreCase(r.getString(1))) {
                LOG.warning("PostgreSQL runs with autovacuum off: the hub's tables are never analyzed and its "
                        + "queries slow down as they grow. Turn autovacuum on, or ANALYZE the hub's database "
                        + "regularly (docs/operations.md).");
            }
        } catch (SQLException e) {
            LOG.fine(() -> "Could not read the autovacuum setting: " + e.getMessage());
        }
    }

    /**
     * Rolls back the two-phase-commit branches a previous run left prepared in the database (with an XA datasource:
     * it was killed between prepare and commit; Payara Micro's transaction log went with its temporary directory, so nothing else will
     * ever settle them). Until then they hold their row locks — the audit chain's head among them, which would stop
     * the tenant's audit trail. Presumed abort: the hub's row-is-truth design copes (the sweeper re-sends,
     * receipts and dead letters catch the rest). A cluster whose instances start while others commit turns this off
     * ({@code hub.startup.settle-in-doubt=false}) and settles in-doubt branches by hand.
     */
    private static void settleInDoubt(Connection c, String vendor) {
        boolean postgres = "postgresql".equals(vendor);
        try (java.sql.Statement s = c.createStatement()) {
            java.util.List<String> ids = new java.util.ArrayList<>();
            String list = postgres
                    ? "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()"
                    : "SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT";
            try (java.sql.ResultSet r = s.executeQuery(list)) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            for (String id : ids) {
                s.execute(postgres ? "ROLLBACK PREPARED '" + id.replace("'", "''") + "'"
                        : "ROLLBACK TRANSACTION " + id);
            }
            if (!ids.isEmpty()) {
                LOG.warning(() -> "Rolled back " + ids.size() + " transaction branch(es) a previous run left prepared"
                        + " (presumed abort)");
            }
        } catch (SQLException e) {
            LOG.warning(() -> "In-doubt transactions could not be listed or settled: " + e.getMessage());
        }
    }

    private void migrateSchema(String vendor) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        java.util.Optional<String> owner = config.getOptionalValue("hub.migration.user", String.class);
        var configured = Flyway.configure(SchemaMigration.class.getClassLoader());
        if (owner.isPresent()) {
            // The schema owner runs the migrations; the application's own user then needs no DDL rights and, on
            // PostgreSQL, no UPDATE or DELETE on the audit entries (docs/audit.md, "Append-only").
            configured = configured.dataSource(config.getValue("hub.datasource.url", String.class), owner.get(),
                    config.getOptionalValue("hub.migration.password", String.class).orElse(""));
        } else {
            configured = configured.dataSource(dataSource);
        }
        Flyway flyway = configured
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migration(s) applied now, database "
                + result.database + ")");
    }

    /** The folder of vendor-specific migrations for the connected database: {@code h2} or {@code postgresql}. */
    private static String vendor(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        throw new IllegalStateException("Unsupported database " + product + ": the hub runs on H2 or PostgreSQL");
    }
}
