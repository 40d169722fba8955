package org.hms.hub.connector.control.polling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * The polling state rows ({@code con_poll_state}), changed only by conditional updates, so that of several hub
 * instances exactly one polls a connector at a time (it holds the lease) and a watermark moves only under the
 * lease, in the transaction that enqueued the page it covers.
 */
@ApplicationScoped
public class PollLeases {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @jakarta.inject.Inject
    org.hms.hub.platform.messaging.EventPublisher events;

    @jakarta.inject.Inject
    org.hms.hub.platform.tenancy.TenantContext tenant;

    /** Puts a failed poll in the audit trail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long connectorId, String error, int pulled) {
        events.publish(org.hms.hub.model.event.SyncEvent.of(tenant.current(), "PollFailed", "system", connectorId,
                "Connector", Long.toString(connectorId), "failure", error,
                java.util.Map.of("itemsEnqueued", Integer.toString(pulled))));
    }

    /** Where the next poll starts: the watermark and the connector-type-specific position (JSON). */
    /** Makes the connector's next poll due now (a FHIR server's empty notification); false when it is not polled. */
    @Transactional
    public boolean pollNow(long connectorId) {
        return Tenancy.acrossTenants(em, "UPDATE con_poll_state SET next_poll_at = ? WHERE connector_id = ?")
                .setParameter(1, OffsetDateTime.now(java.time.ZoneOffset.UTC)).setParameter(2, connectorId).executeUpdate() > 0;
    }

    public record State(String watermark, String position) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String tenant, long connectorId) {
        if (!Tenancy.acrossTenants(em, "SELECT connector_id FROM con_poll_state WHERE connector_id = ?")
                .setParameter(1, connectorId).getResultList().isEmpty()) {
            return;
        }
        try {
            Tenancy.acrossTenants(em, "INSERT INTO con_poll_state (connector_id, tenant_id, items_pulled) VALUES (?, ?, 0)")
                    .setParameter(1, connectorId).setParameter(2, tenant).executeUpdate();
        } catch (PersistenceException e) {
            // another instance created it at the same moment
        }
    }

    /** Releases every lease the owner holds (its previous run's, at start-up); returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll(String owner) {
        return Tenancy.acrossTenants(em, "UPDATE con_poll_state SET lease_owner = NULL, lease_until = NULL WHERE "
                + "lease_owner = ?").setParameter(1, owner).executeUpdate();
    }

    /** Takes the lease when it is free (or expired) and the connector is due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(long connectorId, String owner, OffsetDateTime now, OffsetDateTime until) {
        return Tenancy.acrossTenants(em, "UPDATE con_poll_state SET lease_owner = ?, lease_until = ? WHERE connector_id = ?"
                        + " AND (lease_until IS NULL OR lease_until < ?) AND (next_poll_at IS NULL OR next_poll_at <= ?)")
                .setParameter(1, owner).setParameter(2, until).setParameter(3, connectorId).setParameter(4, now)
                .setParameter(5, now).executeUpdate() == 1;
    }

    @Transactional
    public State read(long connectorId) {
        List<?> rows = Tenancy.acrossTenants(em, "SELECT watermark, poll_cursor FROM con_poll_state WHERE connector_id = ?")
                .setParameter(1, connectorId).getResultList();
        if (rows.isEmpty()) {
            return new State(null, null);
        }
        Object[] row = (Object[]) rows.get(0);
        return new State((String) row[0], (String) row[1]);
    }

    /** Moves the watermark, inside the transaction that enqueued the page; false when the lease was lost. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advance(long connectorId, String owner, State state, int pulled, OffsetDateTime leaseUntil) {
        return Tenancy.acrossTenants(em, "UPDATE con_poll_state SET watermark = ?, poll_cursor = ?, items_pulled = "
                        + "items_pulled + ?, lease_until = ? WHERE connector_id = ? AND lease_owner = ?")
                .setParameter(1, state.watermark()).setParameter(2, state.position()).setParameter(3, pulled)
                .setParameter(4, leaseUntil).setParameter(5, connectorId).setParameter(6, owner).executeUpdate() == 1;
    }

    /** Ends a poll: the lease goes, the next poll is scheduled, the outcome is kept. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long connectorId, String owner, OffsetDateTime now, OffsetDateTime next, String error) {
        String sql = error == null
                ? "UPDATE con_poll_state SET lease_owner = NULL, lease_until = NULL, next_poll_at = ?, last_poll_at = ?,"
                + " last_error = NULL, last_success_at = ? WHERE connector_id = ? AND lease_owner = ?"
                : "UPDATE con_poll_state SET lease_owner = NULL, lease_until = NULL, next_poll_at = ?, last_poll_at = ?,"
                + " last_error = ? WHERE connector_id = ? AND lease_owner = ?";
        Tenancy.acrossTenants(em, sql).setParameter(1, next).setParameter(2, now)
                .setParameter(3, error == null ? now : error.substring(0, Math.min(1000, error.length())))
                .setParameter(4, connectorId).setParameter(5, owner).executeUpdate();
    }
}
