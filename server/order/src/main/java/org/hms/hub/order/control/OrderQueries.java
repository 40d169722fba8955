package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.order.OrderDetail;
import org.hms.hub.model.order.OrderPage;
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.model.order.SyncLag;
import org.hms.hub.order.entity.OrderLink;
import org.hms.hub.order.entity.OrderOperation;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.tenancy.Tenancy;

/** Reads of the cross-reference: the order list, one order with its history, and the sync lag. */
@ApplicationScoped
public class OrderQueries {

    public static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "order")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    /** Filter of {@code GET /api/orders}; every part optional. {@code q} matches the API id, ext_code or OMS id. */
    public record Filter(Long integrationId, String q, String apiStatus, String omsStatus, String status,
                         OrderSyncState syncState, OffsetDateTime from, OffsetDateTime to) {
    }

    @Transactional
    public OrderPage list(Filter f, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.integrationId() != null) {
            where.append(" AND o.integrationId = :integrationId");
            params.put("integrationId", f.integrationId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" AND (o.apiOrderId = :q OR o.extCode = :q OR o.omsOrderId = :q)");
            params.put("q", f.q().strip());
        }
        if (f.apiStatus() != null) {
            where.append(" AND o.apiStatus = :apiStatus");
            params.put("apiStatus", f.apiStatus());
        }
        if (f.omsStatus() != null) {
            where.append(" AND o.omsStatus = :omsStatus");
            params.put("omsStatus", f.omsStatus());
        }
        if (f.status() != null) {
            where.append(" AND (o.apiStatus = :status OR o.omsStatus = :status)");
            params.put("status", f.status());
        }
        if (f.syncState() != null) {
            where.append(" AND o.syncState = :syncState");
            params.put("syncState", f.syncState());
        }
        if (f.from() != null) {
            where.append(" AND o.updatedAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" AND o.updatedAt < :to");
            params.put("to", f.to());
        }
        tenancy.bind(em);
        TypedQuery<OrderLink> page = em.createQuery("SELECT o FROM OrderLink o" + where
                + " ORDER BY o.updatedAt DESC, o.id DESC", OrderLink.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM OrderLink o" + where, Long.class);
        params.forEach((k, v) -> {
            page.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<org.hms.hub.model.order.OrderView> items = page.setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(OrderLink::view).toList();
        return new OrderPage(items, count.getSingleResult(), offset, limit);
    }

    /** One order and its history; with several integrations, {@code integrationId} says which one's. */
    @Transactional
    public OrderDetail get(String apiOrderId, Long integrationId) {
        List<OrderLink> found = integrationId != null
                ? tenancy.bind(em).createNamedQuery(OrderLink.BY_API_ID, OrderLink.class)
                .setParameter("integrationId", integrationId).setParameter("apiOrderId", apiOrderId).getResultList()
                : tenancy.bind(em).createNamedQuery(OrderLink.BY_API_ID_ANY, OrderLink.class)
                .setParameter("apiOrderId", apiOrderId).getResultList();
        if (found.isEmpty()) {
            throw new ProblemException(404, "No such order", "The hub knows no HMS-API order " + apiOrderId
                    + (integrationId != null ? " in order integration " + integrationId : "") + ".");
        }
        if (found.size() > 1) {
            throw new ProblemException(409, "Order in several integrations", "HMS-API order " + apiOrderId
                    + " is known in several order integrations; say which with ?integrationId=.");
        }
        OrderLink link = found.get(0);
        return new OrderDetail(link.view(), em.createNamedQuery(OrderOperation.FOR_ORDER, OrderOperation.class)
                .setParameter("orderId", link.id()).setMaxResults(500).getResultStream().map(OrderOperation::view)
                .toList());
    }

    /** Percentiles of the lag of the changes confirmed in the last {@code minutes}. */
    @Transactional
    public SyncLag lag(int minutes) {
        List<Long> lags = new ArrayList<>(tenancy.bind(em).createNamedQuery(OrderOperation.LAGS, Long.class)
                .setParameter("since", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutes))
                .setMaxResults(1_000_000).getResultList());
        if (lags.isEmpty()) {
            return new SyncLag(minutes, 0, null, null, null, null);
        }
        lags.sort(null);
        return new SyncLag(minutes, lags.size(), percentile(lags, 50), percentile(lags, 95), percentile(lags, 99),
                lags.get(lags.size() - 1));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
