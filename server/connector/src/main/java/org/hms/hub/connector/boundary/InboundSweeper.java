package org.hms.hub.connector.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The safety net under {@code hub.inbound}, as {@link DeliverySweeper} is under the deliveries: every 15 seconds it
 * queues again the accepted items whose receipt is still unprocessed long after their message was sent — five
 * minutes, or, on its first sweep after a start, ten seconds (a stop or crash that split the commit of a receipt
 * and its message leaves the receipt and loses the message, and the item's sender has been told it was accepted).
 * A second message for an item does no harm: the fan-out goes by the receipt's state.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundSweeper {

    private static final Logger LOG = Logger.getLogger(InboundSweeper.class.getName());
    private static final int BATCH = 500;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Inbound inbound;

    @Inject
    TenantContext tenant;

    private boolean startSwept;

    @Schedule(second = "5/15", minute = "*", hour = "*", persistent = false, info = "inbound sweeper")
    @SuppressWarnings("unchecked")
    void sweep() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            OffsetDateTime before = startSwept ? now.minusMinutes(5) : now.minusSeconds(10);
            List<Object[]> rows = Tenancy.acrossTenants(em, "SELECT id, tenant_id FROM con_inbound_receipt WHERE "
                    + "state = 'RECEIVED' AND enqueued_at < ? AND pending_payload IS NOT NULL ORDER BY enqueued_at")
                    .setParameter(1, before).setMaxResults(BATCH).getResultList();
            startSwept = true;
            int requeued = 0;
            for (Object[] row : rows) {
                tenant.set((String) row[1]);
                if (inbound.requeue((String) row[0])) {
                    requeued++;
                }
            }
            if (requeued > 0) {
                int count = requeued;
                LOG.warning(() -> count + " accepted inbound items were still unprocessed long after they were queued "
                        + "(a stop may have lost their messages); queued again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Inbound sweep failed; the next one will try again", e);
        }
    }
}
