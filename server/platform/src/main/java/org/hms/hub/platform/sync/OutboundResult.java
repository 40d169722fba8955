package org.hms.hub.platform.sync;

/**
 * The outcome of an {@link OutboundRequest}, sent to its {@code replyTo} queue in the transaction that records it:
 * an empty text message with these string properties (and {@code tenant}). A dead-lettered call that is replayed
 * and then succeeds reports again.
 */
public final class OutboundResult {

    public static final String DELIVERY_ID = "deliveryId";
    public static final String REFERENCE = "reference";
    /** {@link #DELIVERED} or {@link #DEAD}. */
    public static final String OUTCOME = "outcome";
    public static final String HTTP_STATUS = "httpStatus";
    public static final String RESULT_ID = "resultId";
    public static final String ERROR = "error";
    public static final String DEAD_LETTER_ID = "deadLetterId";

    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    private OutboundResult() {
    }
}
