package org.hms.hub.audit.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.audit.control.AuditIntake;

/**
 * Records every event published on {@code hub.events}: every second it takes what waits on the audit trail's
 * durable subscription (events sent while the hub was down included), in batches of up to {@value #BATCH} events
 * of one tenant ({@link AuditIntake}), for at most about a second. After a batch fails, the next {@value #BATCH}
 * events are taken one at a time, so that an event that cannot be recorded fails alone: the broker delivers it again
 * ten times, then to the dead-letter address, and its batch-mates are recorded.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditRecorder {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());
    private static final long SLICE_NANOS = 900_000_000L;

    @Inject
    AuditIntake intake;

    /** Events still to take one at a time after a failed batch. */
    private int oneByOne;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "audit recorder")
    void record() {
        long until = System.nanoTime() + SLICE_NANOS;
        try {
            int taken;
            do {
                taken = intake.takeBatch(oneByOne > 0 ? 1 : BATCH);
                oneByOne = Math.max(0, oneByOne - taken);
            } while (taken > 0 && System.nanoTime() < until);
        } catch (jakarta.jms.JMSException | RuntimeException e) {
            oneByOne = BATCH;
            LOG.log(Level.WARNING, "Recording a batch of audit events failed; its events are delivered again and taken"
                    + " one at a time", e);
        }
    }
}
