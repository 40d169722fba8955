package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.model.connector.ConnectorPage;
import org.hms.hub.model.connector.ConnectorStats;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/** Lists and counts the current tenant's connectors. */
@ApplicationScoped
public class ConnectorQueries {

    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    /** Connectors by name, filtered by type, status and a text found in name, provider or description. */
    @Transactional
    public ConnectorPage list(ConnectorType type, ConnectorStatus status, String text, int offset, int limit) {
        tenancy.bind(em);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Connector> select = cb.createQuery(Connector.class);
        Root<Connector> root = select.from(Connector.class);
        select.where(filters(cb, root, type, status, text)).orderBy(cb.asc(root.get("name")));
        TypedQuery<Connector> page = em.createQuery(select).setFirstResult(offset).setMaxResults(limit);
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Connector> counted = count.from(Connector.class);
        count.select(cb.count(counted)).where(filters(cb, counted, type, status, text));
        return new ConnectorPage(page.getResultList().stream().map(c -> ConnectorViews.view(c, tenant.current()))
                .toList(), em.createQuery(count).getSingleResult(), offset, limit);
    }

    @Transactional
    public ConnectorStats stats() {
        tenancy.bind(em);
        Map<ConnectorStatus, Long> byStatus = new EnumMap<>(ConnectorStatus.class);
        for (Object[] row : em.createNamedQuery(Connector.COUNT_BY_STATUS, Object[].class).getResultList()) {
            byStatus.put((ConnectorStatus) row[0], (Long) row[1]);
        }
        Map<ConnectorType, Long> byType = new EnumMap<>(ConnectorType.class);
        for (ConnectorType t : ConnectorType.values()) {
            byType.put(t, 0L);
        }
        for (Object[] row : em.createNamedQuery(Connector.COUNT_BY_TYPE, Object[].class).getResultList()) {
            byType.put((ConnectorType) row[0], (Long) row[1]);
        }
        OffsetDateTime lastSync = em.createNamedQuery(Connector.LAST_SYNC, OffsetDateTime.class).getSingleResult();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new ConnectorStats(total, byStatus.getOrDefault(ConnectorStatus.ACTIVE, 0L),
                byStatus.getOrDefault(ConnectorStatus.INACTIVE, 0L), byStatus.getOrDefault(ConnectorStatus.ERROR, 0L),
                byStatus.getOrDefault(ConnectorStatus.TESTING, 0L), byType, lastSync);
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<Connector> root, ConnectorType type,
                                       ConnectorStatus status, String text) {
        List<Predicate> where = new ArrayList<>();
        if (type != null) {
            where.add(cb.equal(root.get("type"), type));
        }
        if (status != null) {
            where.add(cb.equal(root.get("status"), status));
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                    cb.like(cb.lower(cb.coalesce(root.get("provider"), "")), like, '\\'),
                    cb.like(cb.lower(cb.coalesce(root.get("description"), "")), like, '\\')));
        }
        return where.toArray(Predicate[]::new);
    }
}
