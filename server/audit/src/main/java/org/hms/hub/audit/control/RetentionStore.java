package org.hms.hub.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.audit.entity.AuditChain;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.tenancy.Tenancy;

/** {@link Retention}'s database work, one transaction per step. */
@ApplicationScoped
public class RetentionStore {

    /** Entries archived and pruned per step (the scheduler repeats until none is left). */
    static final int STEP = 20_000;

    @PersistenceContext(unitName = "audit")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    EventPublisher events;

    /** The entries to prune, oldest first: from the chain's start, while recorded before the cutoff. */
    @Transactional
    public List<AuditEntry> oldest(String tenant, OffsetDateTime cutoff) {
        tenancy.bind(em, tenant);
        AuditChain chain = em.find(AuditChain.class, tenant);
        if (chain == null) {
            return List.of();
        }
        List<AuditEntry> rows = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq > :anchor AND e.recordedAt"
                        + " < :cutoff ORDER BY e.seq", AuditEntry.class).setParameter("anchor", chain.anchorSeq())
                .setParameter("cutoff", cutoff).setMaxResults(STEP).getResultList();
        // Only a contiguous run from the anchor: the chain must stay verifiable from the new anchor on.
        long expected = chain.anchorSeq() + 1;
        int n = 0;
        for (AuditEntry e : rows) {
            if (e.seq() != expected) {
                break;
            }
            expected++;
            n++;
        }
        return rows.subList(0, n);
    }

    @Transactional
    public long remove(String tenant, long upToSeq, OffsetDateTime cutoff) {
        tenancy.bind(em, tenant);
        long removed;
        if (postgres()) {
            removed = ((Number) Tenancy.acrossTenants(em, "SELECT aud_prune(?, ?, ?)").setParameter(1, tenant)
                    .setParameter(2, upToSeq).setParameter(3, cutoff).getSingleResult()).longValue();
        } else {
            AuditChain chain = em.find(AuditChain.class, tenant, LockModeType.PESSIMISTIC_WRITE);
            AuditEntry last = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq = :seq", AuditEntry.class)
                    .setParameter("seq", upToSeq).getSingleResult();
            removed = Tenancy.acrossTenants(em, "DELETE FROM aud_entry WHERE tenant_id = ? AND seq <= ?")
                    .setParameter(1, tenant).setParameter(2, upToSeq).executeUpdate();
            chain.anchored(upToSeq, last.hash(), OffsetDateTime.now(ZoneOffset.UTC), removed);
        }
        events.publish(SyncEvent.of(tenant, "AuditPruned", "system", 0, "AuditTrail", tenant, "success", null,
                Map.of("removed", Long.toString(removed), "anchorSeq", Long.toString(upToSeq),
                        "cutoff", cutoff.toString())));
        return removed;
    }

    private boolean postgres() {
        return ConfigProvider.getConfig().getOptionalValue("hub.datasource.class-name", String.class)
                .map(c -> c.contains("postgresql")).orElse(false);
    }

}
