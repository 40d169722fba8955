package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.platform.sync.OutboundResult;
import org.hms.hub.platform.sync.Outbox;

/**
 * Settles order operations whose result message never came although their call has ended — the message was lost
 * when a stop or crash split a two-phase commit — from the sync engine's record of the call, exactly as the
 * message would have ({@link OrderSync#result}). Calls still under way are left alone. Should the message still
 * come (a backlog, not a loss), it finds the operation settled and changes nothing; when both meet, the operation's
 * version lets one of them through and the other fails and is not needed.
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
                boolean changed;
                try {
                    changed = sync.result(outcome);
                } catch (RuntimeException e) {
                    // most likely the result message arrived at the same moment and settled it; if not, next tick
                    LOG.log(Level.INFO, e, () -> "Order operation " + op[0] + " was not settled from delivery " + op[1]
                            + " now; the next run looks again");
                    continue;
                }
                if (!changed) {
                    continue; // the result message came after all, between the query and now
                }
                LOG.warning(() -> "Order operation " + op[0] + " had no word of delivery " + op[1] + ", which ended "
                        + outcome.get(OutboundResult.OUTCOME) + "; settled from the delivery's record");
                settled++;
            }
        }
        return settled;
    }
}
