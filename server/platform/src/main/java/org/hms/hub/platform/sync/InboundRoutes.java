package org.hms.hub.platform.sync;

/**
 * Decides where a connector's inbound items go instead of the sync engine's fan-out. Declared in the shared kernel
 * so that the connector module can ask without depending on the module that answers (order sync claims the
 * connectors of its integrations). A synchronous read across modules, as DESIGN §4 allows; the items themselves
 * travel over JMS to {@link Route#address()}.
 */
public interface InboundRoutes {

    /** The route for the connector's inbound items, or {@code null} to fan them out as usual. */
    Route route(String tenant, long connectorId);

    /**
     * @param address   the JMS queue that takes the items
     * @param accepting false while the owner refuses new items (webhooks are answered 503 with
     *                  {@code Retry-After: retryAfterSeconds})
     * @param reason    why it refuses, for the sender
     */
    record Route(String address, boolean accepting, String reason, int retryAfterSeconds) {
    }
}
