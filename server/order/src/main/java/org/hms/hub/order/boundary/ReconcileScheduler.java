package org.hms.hub.order.boundary;

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
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.model.order.IntegrationState;
import org.hms.hub.model.order.ReconcileRequest;
import org.hms.hub.order.control.OrderIntegrations;
import org.hms.hub.order.control.StaleOperations;
import org.hms.hub.order.control.Reconciler;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.order.control.ReconcileLeases;

/**
 * Every minute: settles order operations that have waited longer than {@code hub.orders.settle-after-minutes}
 * (default 1; 0 switches it off) for the result of a call that has ended ({@link StaleOperations}), sends on
 * deliveries a resume raced past, and reconciles each ACTIVE integration whose last run is
 * older than {@code hub.orders.reconcile-interval-minutes} (default 60; 0 switches the schedule off) over its
 * look-back window. A lease in the database makes one instance of a cluster run it.
 */
@Singleton
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED) // each step has its own
public class ReconcileScheduler {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class.getName());

    private final int intervalMinutes = ConfigProvider.getConfig()
            .getOptionalValue("hub.orders.reconcile-interval-minutes", Integer.class).orElse(60);

    private final int settleAfterMinutes = ConfigProvider.getConfig()
            .getOptionalValue("hub.orders.settle-after-minutes", Integer.class).orElse(1);

    @Inject
    StaleOperations stale;

    @PersistenceContext(unitName = "order")
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    OrderIntegrations integrations;

    @Inject
    Reconciler reconciler;

    @Inject
    ReconcileLeases leases;

    @Schedule(second = "30", minute = "*", hour = "*", persistent = false, info = "order reconciliation")
    @SuppressWarnings("unchecked")
    void tick() {
        List<Object[]> rows;
        try {
            rows = Tenancy.acrossTenants(em, "SELECT tenant_id, id, state, last_reconciled_at FROM ord_integration")
                    .getResultList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order integrations could not be read", e);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (settleAfterMinutes > 0) {
            rows.stream().map(r -> (String) r[0]).distinct().forEach(tenantId -> {
                try {
                    tenant.set(tenantId);
                    stale.settle(now.minusMinutes(settleAfterMinutes), 500);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Stale order operations of tenant " + tenantId + " could not be settled", e);
                }
            });
        }
        for (Object[] row : rows) {
            String tenantId = (String) row[0];
            long id = ((Number) row[1]).longValue();
            try {
                tenant.set(tenantId);
                if (!IntegrationState.ACTIVE.name().equals(row[2])) {
                    continue;
                }
                integrations.releaseStranded(id);
                if (intervalMinutes <= 0 || !leases.claim(tenantId, id, now, intervalMinutes)) {
                    continue;
                }
                reconciler.reconcile(new ReconcileRequest(id, null, now, true), "system");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scheduled reconciliation of order integration " + id + " failed", e);
            }
        }
    }
}
