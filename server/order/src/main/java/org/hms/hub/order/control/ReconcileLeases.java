package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.hms.hub.platform.tenancy.Tenancy;

/** Claims a scheduled reconciliation through a conditional UPDATE, so one instance of a cluster runs it. */
@ApplicationScoped
public class ReconcileLeases {

    /** Long enough for a run over a large window; a crashed run's lease lapses after it. */
    static final int LEASE_MINUTES = 30;

    @PersistenceContext(unitName = "order")
    EntityManager em;

    /** True when this instance may run the integration's reconciliation now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String tenant, long integrationId, OffsetDateTime now, int intervalMinutes) {
        return Tenancy.acrossTenants(em, "UPDATE ord_integration SET reconcile_lease_until = ? WHERE tenant_id = ?"
                        + " AND id = ? AND state = 'ACTIVE' AND COALESCE(last_reconciled_at, created_at) < ?"
                        + " AND (reconcile_lease_until IS NULL OR reconcile_lease_until < ?)")
                .setParameter(1, now.plusMinutes(LEASE_MINUTES)).setParameter(2, tenant).setParameter(3, integrationId)
                .setParameter(4, now.minusMinutes(intervalMinutes)).setParameter(5, now).executeUpdate() == 1;
    }
}
