package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.logging.Logger;
import org.hms.hub.platform.sync.OutboundResult;
import org.hms.hub.platform.sync.Outbox;

/**
 * Settles order operations whose result message never came although their call has ended — the message was lost
 * when a stop or crash split a two-phase commit — from the sync engine's record of the call, exactly as the
 * message would have ({@link OrderSync#result}). Calls still under way are left alone.
 */
@ApplicationScoped
public class StaleOperations {

    private static final Logger LOG = Logger.getLogger(StaleOperations.class.getName());

    @Inject
    OrderSync sync;

    @Inject
    Outbox outbox;

    /** Settles the current tenant's operations PENDING since before {@code before} (at most {@code max}). */
    public int settle(OffsetDateTime before, int max) {
        int settled = 0;
        for (long[] op : sync.stalePending(before, max)) {
            Map<String, String> outcome = outbox.outcome(op[1]);
            if (outcome != null && ("op:" + op[0]).equals(outcome.get(OutboundResult.REFERENCE))) {
                LOG.warning(() -> "Order operation " + op[0] + " had no word of delivery " + op[1] + ", which ended "
                        + outcome.get(OutboundResult.OUTCOME) + "; settled from the delivery's record");
                sync.result(outcome);
                settled++;
            }
        }
        return settled;
    }
}
