package org.hms.hub.connector.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.polling.PollConfig;
import org.hms.hub.connector.control.polling.PollLeases;
import org.hms.hub.connector.control.polling.PollRunner;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Every five seconds: for each active connector with {@code polling} in its config that is due, claim its lease
 * through the database (so one instance of a cluster polls it) and poll it on a managed thread.
 */
@Singleton
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class.getName());
    /**
     * This hub instance as a lease owner: {@code hub.instance-id}, by default the host name and data directory.
     * It stays the same across restarts, so a restarted instance takes back the leases its previous run held
     * (a killed instance cannot release them) instead of waiting for them to expire.
     */
    static final String OWNER = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("hub.instance-id", String.class).orElseGet(PollScheduler::defaultInstanceId);

    private boolean ownLeasesReleased;

    static String defaultInstanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String dir = java.nio.file.Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("hub.data-dir", String.class).orElse("data")).toAbsolutePath().normalize().toString();
        String id = host + ":" + Integer.toHexString(dir.hashCode());
        return id.length() > 100 ? id.substring(0, 100) : id;
    }

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    PollLeases leases;

    @Inject
    PollRunner runner;

    @Inject
    TenantContext tenant;

    @Resource
    ManagedExecutorService executor;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "poll scheduler")
    @SuppressWarnings("unchecked")
    void tick() {
        try {
            if (!ownLeasesReleased) {
                int released = leases.releaseAll(OWNER);
                ownLeasesReleased = true;
                if (released > 0) {
                    LOG.info(() -> "Took back " + released + " poll leases of this instance's previous run (" + OWNER + ")");
                }
            }
            List<Object[]> rows = Tenancy.acrossTenants(em, "SELECT id, tenant_id, connector_type, config FROM "
                    + "con_connector WHERE status = 'ACTIVE' AND config LIKE '%\"polling\"%'").getResultList();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                String tenantId = (String) row[1];
                PollConfig config;
                try {
                    config = PollConfig.of(ConnectorType.valueOf((String) row[2]),
                            Json.JSONB.fromJson((String) row[3], Map.class));
                } catch (RuntimeException e) {
                    LOG.fine(() -> "Connector " + id + " has unusable polling settings: " + e.getMessage());
                    continue;
                }
                if (config == null) {
                    continue;
                }
                tenant.set(tenantId);
                leases.create(tenantId, id);
                if (leases.claim(id, OWNER, now, now.plusSeconds(120))) {
                    executor.submit(() -> runner.run(tenantId, id, OWNER));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Poll scheduling failed; the next tick tries again", e);
        }
    }
}
