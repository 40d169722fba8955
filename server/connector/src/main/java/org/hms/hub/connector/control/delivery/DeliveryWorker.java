package org.hms.hub.connector.control.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One delivery attempt: claim it, call the system with no transaction open, record the outcome. */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    @Inject
    DeliveryStore store;

    @Inject
    DeliverySender sender;

    @Inject
    org.hms.hub.connector.control.ConnectorMetrics metrics;

    /** @param version, hops and group: from the message ({@link DeliveryStore#claim}) */
    public void attempt(long deliveryId, long version, int hops, String group) {
        Attempt attempt = store.claim(deliveryId, version, hops, group);
        if (attempt == null) {
            return;
        }
        Outcome outcome = sender.send(attempt);
        try {
            store.finish(attempt, outcome);
            metrics.delivery(attempt.tenant(), attempt.connector().id(), switch (outcome.verdict()) {
                case DELIVERED -> "delivered";
                case RETRY -> "failed_retryable";
                case REJECTED -> "rejected";
                case GONE -> "gone";
            });
        } catch (RuntimeException e) {
            // The claim expires and the sweeper sends the delivery again under the same Idempotency-Key.
            LOG.log(Level.WARNING, attempt + ": the outcome (HTTP " + outcome.status() + ") could not be recorded; "
                    + "it will be attempted again after its claim expires", e);
        }
    }
}
