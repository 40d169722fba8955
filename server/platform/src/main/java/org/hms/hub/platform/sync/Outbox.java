package org.hms.hub.platform.sync;

/**
 * The sync engine's services for other modules (implemented by the connector module): queue calls to connectors,
 * release held ones, park an inbound item as a dead letter, and read from a connector synchronously.
 */
public interface Outbox {

    /** Records the call in the caller's transaction and queues it (or holds it); returns the delivery id. */
    long enqueue(OutboundRequest request);

    /** Queues every delivery held under the key, oldest first; returns how many. */
    int release(String holdKey);

    /**
     * Parks an inbound item (received as {@code receiptId} from the connector) as an INBOUND dead letter with the
     * reason (a {@code DeadLetterReason} name); replaying it sends the item through the normal path again.
     */
    long deadLetter(long connectorId, String receiptId, String eventType, String entityKey, String reason,
                    String error, String payload);

    /**
     * Marks an inbound item that was routed to the caller's module ({@link InboundRoutes}) as processed, in the
     * caller's transaction: from then on its receipt no longer keeps the payload, and neither a resend of the item nor
     * the inbound sweeper queues it again. Until the claiming module's transaction commits, the receipt stays
     * unprocessed, so an item whose message a crash lost is queued again. Does nothing when the receipt is processed
     * already or unknown.
     */
    void processed(String receiptId);

    /**
     * GETs a path (with query) from the connector with its auth and timeout; the answer's body on 2xx.
     *
     * @throws FetchException on any other answer or when the system cannot be reached (status null)
     */
    String fetch(long connectorId, String pathAndQuery) throws FetchException;

    /**
     * How a queued call ended, as the properties of its result message ({@link OutboundResult}): for a caller that
     * has waited too long for that message. Null while the call has not ended (queued, in flight, held) or when
     * the current tenant has no such delivery.
     */
    java.util.Map<String, String> outcome(long deliveryId);

    /** Whether the current tenant has the connector. */
    boolean connectorExists(long connectorId);

    class FetchException extends Exception {

        private final Integer status;

        public FetchException(Integer status, String message) {
            super(message);
            this.status = status;
        }

        public Integer status() {
            return status;
        }
    }
}
