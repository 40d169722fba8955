package org.hms.hub.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.platform.tenancy.Tenancy;

/** Records audit entries once per event and reads them back newest first, each tenant only its own. */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "audit")
    EntityManager em;

    @jakarta.inject.Inject
    Tenancy tenancy;

    /**
     * Stores the entry unless its event was recorded already (a redelivered message).
     *
     * @return whether a new entry was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(AuditEntry entry) {
        tenancy.bind(em, entry.tenant());
        long seen = em.createNamedQuery(AuditEntry.BY_EVENT_ID, Long.class)
                .setParameter("eventId", entry.eventId())
                .getSingleResult();
        if (seen > 0) {
            return false;
        }
        em.persist(entry);
        em.flush();
        return true;
    }

    /** The entry recording the given event, if it has been recorded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<AuditEntryView> find(java.util.UUID eventId) {
        return tenancy.bind(em).createNamedQuery(AuditEntry.FIND_BY_EVENT_ID, AuditEntry.class)
                .setParameter("eventId", eventId.toString())
                .getResultStream().findFirst().map(AuditEntry::view);
    }

    /** Entries newest first: those older than {@code before} when given, at most {@code limit} of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage page(Long before, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        tenancy.bind(em);
        TypedQuery<AuditEntry> query = before == null
                ? em.createNamedQuery(AuditEntry.NEWEST, AuditEntry.class)
                : em.createNamedQuery(AuditEntry.NEWEST_BEFORE, AuditEntry.class).setParameter("before", before);
        List<AuditEntry> rows = query.setMaxResults(size + 1).getResultList();
        List<AuditEntryView> items = rows.stream().limit(size).map(AuditEntry::view).toList();
        Long next = rows.size() > size ? items.get(items.size() - 1).id() : null;
        return new AuditPage(items, next);
    }
}
