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
 * The datasource is XA ({@code hub.datasource.class-name} names an {@code XADataSource}) so that a JPA write
 * and a JMS send commit or roll back together. Every other start-up bean names this one in
 * {@code @DependsOn}, so no query runs against an old schema.
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
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.validate-atmost-once-period-in-seconds=10",
                "fish.payara.fail-all-connections=true"
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
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .failOnMissingLocations(false)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migration(s) applied now, database "
                + result.database + ")");
    }

    /** The folder of vendor-specific migrations for the connected database: {@code h2} or {@code postgresql}. */
    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("Unsupported database " + product + ": the hub runs on H2 or PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
