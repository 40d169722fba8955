package org.hms.hub.model.sync;

/** Where one outbound call is. DELIVERED, DEAD and DISCARDED are final. */
public enum DeliveryState {
    /** Waiting for its turn on {@code hub.deliveries}. */
    QUEUED,
    /** Waiting behind an earlier, undelivered change of the same entity. */
    BLOCKED,
    /** Kept back by its origin (an order integration's kill switch is PAUSED or DISABLED) until released. */
    HELD,
    /** Being sent. */
    IN_FLIGHT,
    /** Failed with a retryable error; waiting for its next attempt. */
    RETRYING,
    DELIVERED,
    /** Given up: recorded as a dead letter. */
    DEAD,
    DISCARDED;

    public boolean isFinal() {
        return this == DELIVERED || this == DEAD || this == DISCARDED;
    }
}
