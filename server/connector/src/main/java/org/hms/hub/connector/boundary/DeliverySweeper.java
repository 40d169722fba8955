package org.hms.hub.connector.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.delivery.DeliveryStore;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The safety net under the delivery queue: every 15 seconds it finds deliveries whose JMS message must have been
 * lost — a retry well past its time, a claim that expired (the worker died mid-call), a queued one not looked at
 * for five minutes, a blocked one whose predecessors have all finished — and sends their message again. The row
 * decides what happens, so a message sent twice does no harm. Each hub instance sweeps; that too is harmless.
 */
@Singleton
public class DeliverySweeper {

    private static final Logger LOG = Logger.getLogger(DeliverySweeper.class.getName());
    private static final int BATCH = 500;
    private static final String UNFINISHED = "('QUEUED','BLOCKED','HELD','IN_FLIGHT','RETRYING')";

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    DeliveryStore store;

    @Inject
    TenantContext tenant;

    @Inject
    org.hms.hub.connector.control.ConnectorMetrics metrics;

    @Inject
    org.hms.hub.connector.control.delivery.Circuits circuits;

    private boolean startSwept;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "delivery sweeper")
    void sweep() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            int resent = 0;
            resent += resend(candidates("state = 'RETRYING' AND next_attempt_at < ?", now.minusSeconds(60)));
            resent += resend(candidates("state = 'IN_FLIGHT' AND in_flight_until < ?", now));
            // After a start, every queued delivery gets a fresh message at once: a message the previous run had in
            // hand when it stopped may be gone, and waiting five minutes for it would hold the entity back. Later
            // sweeps only look at queued deliveries untouched for five minutes. (A duplicate message is harmless:
            // the row decides.)
            OffsetDateTime queuedBefore = startSwept ? now.minusMinutes(5) : now.minusSeconds(10);
            resent += resend(candidates("state = 'QUEUED' AND last_enqueued_at < ?", queuedBefore));
            startSwept = true;
            resent += resend(candidates("state = 'BLOCKED' AND last_enqueued_at < ? AND NOT EXISTS (SELECT 1 FROM "
                    + "con_delivery e WHERE e.connector_id = d.connector_id AND e.entity_key = d.entity_key AND "
                    + "e.id < d.id AND e.state IN " + UNFINISHED + ")", now.minusSeconds(30)));
            int abandoned = Tenancy.acrossTenants(em, "UPDATE con_sync_job SET state = 'FAILED', finished_at = ?, error = "
                    + "'Interrupted: the hub stopped while the job ran. Start it again; syncs are idempotent.' WHERE "
                    + "(state = 'RUNNING' AND heartbeat_at < ?) OR (state = 'QUEUED' AND created_at < ?)")
                    .setParameter(1, now).setParameter(2, now.minusMinutes(5)).setParameter(3, now.minusMinutes(5))
                    .executeUpdate();
            if (abandoned > 0) {
                LOG.warning(() -> abandoned + " sync jobs were interrupted by a stop of the hub and are marked failed");
            }
            if (resent > 0) {
                int count = resent;
                LOG.info(() -> "Delivery sweeper sent " + count + " deliveries on again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery sweep failed; the next one will try again", e);
        }
    }

    /** Refreshes the per-connector gauges from the database. */
    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "connector metrics")
    @SuppressWarnings("unchecked")
    void refreshMetrics() {
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            java.util.Map<String, long[]> figures = new java.util.HashMap<>();
            for (Object[] row : (List<Object[]>) Tenancy.acrossTenants(em, "SELECT tenant_id, connector_id, state, "
                    + "COUNT(*), MIN(created_at) FROM con_delivery WHERE state IN " + UNFINISHED
                    + " GROUP BY tenant_id, connector_id, state").getResultList()) {
                long[] f = figures.computeIfAbsent(row[0] + "/" + row[1], k -> new long[5]);
                long count = ((Number) row[3]).longValue();
                switch ((String) row[2]) {
                    case "IN_FLIGHT" -> f[1] += count;
                    case "RETRYING" -> f[2] += count;
                    default -> f[0] += count;
                }
                long age = row[4] == null ? 0 : java.time.Duration.between(org.hms.hub.connector.control.ThroughputQuery.utc(row[4]), now).toSeconds();
                f[3] = Math.max(f[3], age);
            }
            for (Object[] row : (List<Object[]>) Tenancy.acrossTenants(em, "SELECT tenant_id, connector_id, COUNT(*) "
                    + "FROM con_dead_letter WHERE state = 'OPEN' GROUP BY tenant_id, connector_id").getResultList()) {
                figures.computeIfAbsent(row[0] + "/" + row[1], k -> new long[5])[4] = ((Number) row[2]).longValue();
            }
            figures.forEach((key, f) -> {
                String tenantId = key.substring(0, key.lastIndexOf('/'));
                long connector = Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
                org.hms.hub.model.sync.CircuitState circuit = circuits.of(tenantId, connector)
                        .state(java.time.Instant.now());
                metrics.update(tenantId, connector, new org.hms.hub.connector.control.ConnectorMetrics.Snapshot(
                        f[0], f[1], f[2], f[3], f[4], circuit == org.hms.hub.model.sync.CircuitState.OPEN ? 1
                        : circuit == org.hms.hub.model.sync.CircuitState.HALF_OPEN ? 2 : 0));
            });
            metrics.zeroAllBut(figures.keySet());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Metrics refresh failed; the next one tries again", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(String where, OffsetDateTime bound) {
        return Tenancy.acrossTenants(em, "SELECT d.id, d.tenant_id FROM con_delivery d WHERE " + where
                + " ORDER BY d.id").setParameter(1, bound).setMaxResults(BATCH).getResultList();
    }

    private int resend(List<Object[]> rows) {
        int resent = 0;
        for (Object[] row : rows) {
            tenant.set((String) row[1]);
            if (store.resend(((Number) row[0]).longValue())) {
                resent++;
            }
        }
        return resent;
    }
}
