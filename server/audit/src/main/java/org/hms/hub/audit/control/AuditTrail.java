package org.hms.hub.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.audit.entity.AuditChain;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.audit.entity.EntryHash;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.audit.AuditVerification;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * The audit trail: records entries once per event, each at the end of its tenant's hash chain; reads them back
 * newest first with filters (keyset paging on the entry id), a tenant only its own; recomputes the chain.
 * Nothing here updates or deletes an entry (retention is {@link Retention}'s, through the chain's anchor).
 */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE = 500;
    /** Entries read per round trip when verifying or exporting. */
    static final int BATCH = 2_000;

    @PersistenceContext(unitName = "audit")
    EntityManager em;

    @jakarta.inject.Inject
    Tenancy tenancy;

    @jakarta.inject.Inject
    org.hms.hub.platform.tenancy.TenantContext tenantContext;

    /**
     * Stores the entry unless its event was recorded already (a redelivered message), as the next link of its
     * tenant's chain.
     *
     * @return whether a new entry was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(AuditEntry entry) {
        return recordAll(entry.tenant(), List.of(entry)) == 1;
    }

    /**
     * Stores the entries of one tenant, in the order given, as the next links of its chain — leaving out those whose
     * event has an entry already (messages delivered again after a commit the broker did not see) or comes twice.
     * The chain's head is locked for the transaction, so links are made one batch at a time per tenant, in the
     * order the events were taken from the broker.
     *
     * @return how many entries were stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(String tenant, List<AuditEntry> entries) {
        tenancy.bind(em, tenant);
        Map<String, AuditEntry> fresh = new java.util.LinkedHashMap<>();
        for (AuditEntry entry : entries) {
            if (!tenant.equals(entry.tenant())) {
                throw new IllegalArgumentException("Entry of event " + entry.eventId() + " belongs to tenant "
                        + entry.tenant() + ", not " + tenant);
            }
            fresh.putIfAbsent(entry.eventId(), entry);
        }
        List<String> ids = List.copyOf(fresh.keySet());
        for (int from = 0; from < ids.size(); from += MAX_PAGE) {
            em.createNamedQuery(AuditEntry.RECORDED_AMONG, String.class)
                    .setParameter("eventIds", ids.subList(from, Math.min(ids.size(), from + MAX_PAGE)))
                    .getResultList().forEach(fresh::remove);
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        AuditChain chain = em.find(AuditChain.class, tenant, LockModeType.PESSIMISTIC_WRITE);
        if (chain == null) {
            chain = new AuditChain(tenant);
            em.persist(chain); // two first batches of a tenant at once: one fails on the key and is taken again
        }
        for (AuditEntry entry : fresh.values()) {
            entry.chain(chain.lastSeq() + 1, chain.lastHash());
            chain.appended(entry.seq(), entry.hash());
            em.persist(entry);
        }
        em.flush();
        return fresh.size();
    }

    /** {@link #recordAll} in a transaction of its own, bound to the tenant. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recordAlone(String tenant, List<AuditEntry> entries) {
        tenantContext.set(tenant);
        return recordAll(tenant, entries);
    }

    /** The entry recording the given event, if it has been recorded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<AuditEntryView> find(java.util.UUID eventId) {
        return tenancy.bind(em).createNamedQuery(AuditEntry.FIND_BY_EVENT_ID, AuditEntry.class)
                .setParameter("eventId", eventId.toString())
                .getResultStream().findFirst().map(AuditEntry::view);
    }

    /**
     * Where a page starts: entries older than this one (occurrence time, then id). Written
     * {@code <epoch microseconds>.<id>}.
     */
    public record Cursor(OffsetDateTime occurredAt, long id) {

        public static Cursor of(AuditEntry e) {
            return new Cursor(e.occurredAt(), e.id());
        }

        public static Cursor parse(String text) {
            int dot = text == null ? -1 : text.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            long micros = Long.parseLong(text.substring(0, dot));
            return new Cursor(OffsetDateTime.ofInstant(java.time.Instant.EPOCH.plus(micros,
                    java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC), Long.parseLong(text.substring(dot + 1)));
        }

        @Override
        public String toString() {
            return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, occurredAt.toInstant()) + "."
                    + id;
        }
    }

    /** Entries newest first: those older than {@code before} when given, at most {@code limit} of them. */
    @Transactional
    public AuditPage page(Cursor before, int limit) {
        return page(AuditQuery.ALL, before, limit);
    }

    /** Entries matching the filter, newest first; {@code next} is the {@code before} of the following page. */
    @Transactional
    public AuditPage page(AuditQuery filter, Cursor before, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<AuditEntry> rows = batch(filter, before, size + 1);
        List<AuditEntryView> items = rows.stream().limit(size).map(AuditEntry::view).toList();
        String next = rows.size() > size ? Cursor.of(rows.get(size - 1)).toString() : null;
        return new AuditPage(items, next);
    }

    /** Up to {@code size} entries matching the filter older than {@code before}, newest first (exports). */
    @Transactional
    public List<AuditEntry> batch(AuditQuery filter, Cursor before, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = filter.where(params);
        if (before != null) {
            // The first condition bounds the index range (the database seeks to the page's start); the second
            // settles entries of the same microsecond.
            where += " AND e.occurredAt <= :beforeAt AND (e.occurredAt < :beforeAt OR e.id < :beforeId)";
            params.put("beforeAt", before.occurredAt());
            params.put("beforeId", before.id());
        }
        tenancy.bind(em);
        TypedQuery<AuditEntry> q = em.createQuery("SELECT e FROM AuditEntry e WHERE " + where + " ORDER BY "
                + filter.order(), AuditEntry.class);
        params.forEach(q::setParameter);
        List<AuditEntry> rows = q.setMaxResults(size).getResultList();
        em.clear();
        return rows;
    }

    /**
     * Recomputes the current tenant's chain over the entries recorded in [from, to) — all of it from its anchor
     * when both are null — and reports the first broken link: an entry whose stored hash is not the hash of its
     * content and predecessor (changed), a position missing (deleted), or a predecessor hash that does not match.
     */
    @Transactional
    public AuditVerification verify(String tenant, OffsetDateTime from, OffsetDateTime to) {
        tenancy.bind(em, tenant);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AuditChain chain = em.find(AuditChain.class, tenant);
        if (chain == null) {
            return new AuditVerification(tenant, from, to, 0, null, null, 0, true, null, null, null, null, now);
        }
        long first = chain.anchorSeq() + 1;
        long last = chain.lastSeq();
        if (from != null) {
            Long s = em.createQuery("SELECT MIN(e.seq) FROM AuditEntry e WHERE e.recordedAt >= :from", Long.class)
                    .setParameter("from", from).getSingleResult();
            first = s == null ? last + 1 : Math.max(first, s);
        }
        if (to != null) {
            Long s = em.createQuery("SELECT MAX(e.seq) FROM AuditEntry e WHERE e.recordedAt < :to", Long.class)
                    .setParameter("to", to).getSingleResult();
            last = s == null ? first - 1 : Math.min(last, s);
        }
        String prev;
        if (first == chain.anchorSeq() + 1) {
            prev = chain.anchorHash();
        } else {
            AuditEntry before = bySeq(first - 1);
            if (before == null) {
                return broken(tenant, from, to, 0, first, last, chain, first - 1, null,
                        "The entry at position " + (first - 1) + " is missing (deleted?).", now);
            }
            prev = before.hash();
        }
        long checked = 0;
        long expected = first;
        while (expected <= last) {
            List<AuditEntry> rows = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq >= :seq AND e.seq <= :last"
                    + " ORDER BY e.seq", AuditEntry.class).setParameter("seq", expected).setParameter("last", last)
                    .setMaxResults(BATCH).getResultList();
            if (rows.isEmpty()) {
                return broken(tenant, from, to, checked, first, last, chain, expected, null,
                        "The entries from position " + expected + " on are missing (deleted?).", now);
            }
            for (AuditEntry e : rows) {
                if (e.seq() != expected) {
                    return broken(tenant, from, to, checked, first, last, chain, expected, null,
                            "The entry at position " + expected + " is missing (deleted?).", now);
                }
                if (!prev.equals(e.prevHash())) {
                    return broken(tenant, from, to, checked, first, last, chain, expected, e,
                            "Its link to the previous entry does not match (an entry was replaced or reordered).", now);
                }
                if (!EntryHash.of(prev, e).equals(e.hash())) {
                    return broken(tenant, from, to, checked, first, last, chain, expected, e,
                            "Its content does not match its hash: the entry was changed after it was recorded.", now);
                }
                prev = e.hash();
                expected++;
                checked++;
            }
            em.clear();
        }
        if (to == null && !prev.equals(chain.lastHash()) && checked > 0) {
            return broken(tenant, from, to, checked, first, last, chain, last, null,
                    "The chain's head does not match its last entry.", now);
        }
        return new AuditVerification(tenant, from, to, checked, checked == 0 ? null : first, checked == 0 ? null : last,
                chain.anchorSeq(), true, null, null, null, null, now);
    }

    private AuditEntry bySeq(long seq) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq = :seq", AuditEntry.class)
                .setParameter("seq", seq).getResultStream().findFirst().orElse(null);
    }

    private static AuditVerification broken(String tenant, OffsetDateTime from, OffsetDateTime to, long checked,
                                            long first, long last, AuditChain chain, long seq, AuditEntry e,
                                            String problem, OffsetDateTime now) {
        return new AuditVerification(tenant, from, to, checked, first, last, chain.anchorSeq(), false, seq,
                e == null ? null : e.id(), e == null ? null : e.eventId(), problem, now);
    }
}
