package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.delivery.CircuitBreaker;
import org.hms.hub.connector.control.delivery.Circuits;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Delivery;
import org.hms.hub.connector.entity.PollState;
import org.hms.hub.model.sync.DeliveryState;
import org.hms.hub.model.sync.SyncStatus;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/** {@code GET /api/connectors/{id}/status}: the connector's traffic in numbers, from the delivery table. */
@ApplicationScoped
public class SyncStatuses {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    ConnectorRegistry registry;

    @Inject
    Circuits circuits;

    @Transactional
    public SyncStatus of(long connectorId) {
        Connector connector = registry.find(connectorId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (Object[] row : em.createNamedQuery(Delivery.COUNT_BY_STATE, Object[].class)
                .setParameter("connectorId", connectorId).setParameter("states", Delivery.UNFINISHED).getResultList()) {
            counts.put((DeliveryState) row[0], (Long) row[1]);
        }
        OffsetDateTime oldest = em.createNamedQuery(Delivery.OLDEST_UNFINISHED, OffsetDateTime.class)
                .setParameter("connectorId", connectorId).setParameter("unfinished", Delivery.UNFINISHED)
                .getSingleResult();
        OffsetDateTime lastSuccess = em.createNamedQuery(Delivery.LAST_DELIVERED, OffsetDateTime.class)
                .setParameter("connectorId", connectorId).getSingleResult();
        CircuitBreaker breaker = circuits.of(tenant.current(), connectorId);
        Instant openUntil = breaker.openUntil();
        PollState poll = em.find(PollState.class, connectorId);
        String lastError = connector.lastError();
        if (lastError == null) {
            List<String> errors = em.createQuery("SELECT d.lastError FROM Delivery d WHERE d.connectorId = :c AND"
                            + " d.lastError IS NOT NULL ORDER BY d.updatedAt DESC", String.class)
                    .setParameter("c", connectorId).setMaxResults(1).getResultList();
            lastError = errors.isEmpty() ? null : errors.get(0);
        }
        return new SyncStatus(connectorId, connector.status().name(), connector.lastSyncedAt(), lastSuccess, lastError,
                counts.getOrDefault(DeliveryState.QUEUED, 0L) + counts.getOrDefault(DeliveryState.BLOCKED, 0L)
                        + counts.getOrDefault(DeliveryState.HELD, 0L),
                counts.getOrDefault(DeliveryState.IN_FLIGHT, 0L), counts.getOrDefault(DeliveryState.RETRYING, 0L),
                window(connectorId, now.minusHours(1)), window(connectorId, now.minusDays(1)),
                openDeadLetters(connectorId), breaker.state(Instant.now()),
                openUntil == null ? null : OffsetDateTime.ofInstant(openUntil, ZoneOffset.UTC),
                oldest == null ? null : Math.max(0, Duration.between(oldest, now).toSeconds()),
                poll == null ? null : new SyncStatus.Polling(poll.watermark(), poll.lastPollAt(), poll.lastSuccessAt(),
                        poll.nextPollAt(), poll.lastError(), poll.itemsPulled()),
                registration(connector));
    }

    /**
     * The registration as last worked out; a connector that declares a subscription, has none made yet and changed
     * since (or is new) shows it {@code PENDING} until the registrar has been at it (within seconds).
     */
    private SyncStatus.Registration registration(Connector connector) {
        org.hms.hub.connector.entity.Registration r = em.find(org.hms.hub.connector.entity.Registration.class,
                connector.id());
        boolean declared = ConnectorViews.config(connector.settings()).get("subscription") != null;
        boolean stale = r == null || r.subId() == null && !r.fingerprint().equals(Long.toString(connector.version()));
        if (declared && stale && connector.status() == org.hms.hub.model.connector.ConnectorStatus.ACTIVE
                && connector.settings().webhookEnabled()) {
            SyncStatus.Registration last = r == null ? null : r.view();
            return new SyncStatus.Registration(last == null ? null : last.auth(), last == null ? null : last.authReason(),
                    "PENDING", last == null ? null : last.subscriptionId(), null, last == null ? null : last.checkedAt());
        }
        return r == null || r.authState() == null && r.sub() == null ? null : r.view();
    }

    private SyncStatus.Window window(long connectorId, OffsetDateTime since) {
        long delivered = em.createNamedQuery(Delivery.DELIVERED_SINCE, Long.class)
                .setParameter("connectorId", connectorId).setParameter("since", since).getSingleResult();
        long failed = em.createQuery("SELECT COUNT(d) FROM DeadLetter d WHERE d.connectorId = :c AND d.createdAt >= :s",
                Long.class).setParameter("c", connectorId).setParameter("s", since).getSingleResult();
        return new SyncStatus.Window(delivered, failed);
    }

    private long openDeadLetters(long connectorId) {
        return em.createQuery("SELECT COUNT(d) FROM DeadLetter d WHERE d.connectorId = :c AND d.state = "
                + "org.hms.hub.model.sync.DeadLetterState.OPEN", Long.class).setParameter("c", connectorId)
                .getSingleResult();
    }
}
