package org.hms.hub.model.sync;

/** Why something became a dead letter. */
public enum DeadLetterReason {
    /** The target answered a 4xx other than 408 and 429: sending it again unchanged will not help. */
    REJECTED,
    /** Every attempt failed with a retryable error (408, 429, 5xx, timeout, connection). */
    RETRIES_EXHAUSTED,
    /** The target answered 410 Gone: the subscription was switched off. */
    GONE,
    /** The payload could not be transformed by the subscription's mapping. */
    MAPPING_FAILED,
    /** An inbound item that cannot be processed (not JSON, wrong shape, failed its schema). */
    INVALID_PAYLOAD,
    /** The target connector or subscription no longer exists. */
    NO_TARGET,
    /** An order whose user has no mapping between the systems. */
    UNMAPPED_USER,
    /** The broker gave up on a message the hub could not process. */
    UNPROCESSABLE
}
