package org.hms.hub.connector.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.inbound.FanOutBatches;

/**
 * Takes accepted items off {@code hub.inbound} and fans them out to their subscribers, in batches of up to
 * {@value #BATCH} ({@link FanOutBatches}): the deliveries, the receipts' new states and the acknowledgement of the
 * messages commit together per batch; a failure rolls the batch back and the broker delivers its messages again. After
 * a batch fails, the next {@value #BATCH} items are taken one at a time, so that an item that cannot be processed
 * fails alone: the broker delivers it again ten times, then to {@code hub.dlq}, where {@link DeadLetterConsumer}
 * records it — and its batch-mates are fanned out.
 * <p>
 * Every second it takes what waits, batch after batch, for most of that second; when nothing waits, one receive
 * waits for the next item for the rest of the second — so an item is taken as soon as it is queued, and an idle hub
 * opens one consumer a second, not one per wait.
 */
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundConsumer {

    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(InboundConsumer.class.getName());
    /** How far into the second batches are taken (and the first item of a batch waited for). */
    private static final long SLICE_NANOS = 950_000_000L;
    /** No batch is begun with less than this left of the slice. */
    private static final long MIN_WAIT_MILLIS = 20;

    @Inject
    FanOutBatches batches;

    /** Items still to take one at a time after a failed batch. */
    private int oneByOne;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "inbound fan-out")
    void fanOut() {
        long until = System.nanoTime() + SLICE_NANOS;
        try {
            long left;
            while ((left = (until - System.nanoTime()) / 1_000_000L) >= MIN_WAIT_MILLIS) {
                int taken = batches.takeBatch(oneByOne > 0 ? 1 : BATCH, left);
                oneByOne = Math.max(0, oneByOne - taken);
            }
        } catch (jakarta.jms.JMSException | RuntimeException e) {
            oneByOne = BATCH;
            LOG.log(Level.WARNING, "Fanning out a batch of inbound items failed; its items are delivered again and "
                    + "taken one at a time", e);
        }
    }
}
