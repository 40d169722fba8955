package org.hms.hub.platform.sync;

/**
 * A call another module asks the sync engine to make to a connector, with the engine's guarantees: stored with
 * the caller's transaction, one entity's calls in order, retried, circuit-broken, dead-lettered.
 *
 * @param lookup         an optional GET made first: to create only what does not exist yet, or to find the id the
 *                       call's path needs ({@code {id}} in {@code path})
 * @param resultPointer  JSON Pointer to the id in the call's answer (for a create), reported back as the result
 * @param replyTo        JMS queue that receives the outcome (properties in {@link OutboundResult}), or null
 * @param reference      the caller's own key, returned with the outcome
 * @param holdKey        non-null: the delivery is HELD (not sent) until {@link Outbox#release(String)} of that key
 */
public record OutboundRequest(long connectorId, String eventType, String entityKey, String idempotencyKey,
                              String method, String path, String payload, Lookup lookup, String resultPointer,
                              String replyTo, String reference, String holdKey) {

    /**
     * @param path          the GET path (with query) relative to the connector's endpoint
     * @param itemsPointer  where the answer's list is ({@code ""}: the answer is the list; an object there counts as
     *                      one item)
     * @param idPointer     the id within an item
     * @param mode          CREATE_IF_ABSENT: a found item means the call is done already (its id is the result);
     *                      TARGET: the found id replaces {@code {id}} in the path, and nothing found is a refusal
     */
    public record Lookup(String path, String itemsPointer, String idPointer, Mode mode) {

        public enum Mode { CREATE_IF_ABSENT, TARGET }
    }
}
