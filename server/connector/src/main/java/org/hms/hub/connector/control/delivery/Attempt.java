package org.hms.hub.connector.control.delivery;

import java.net.URI;
import java.time.OffsetDateTime;
import org.hms.hub.connector.control.outbound.ResolvedConnector;

/** One claimed attempt of a delivery: everything the call needs, secrets included (never logged). */
public record Attempt(String tenant, long deliveryId, int attemptNo, ResolvedConnector connector, String method,
                      URI target, String eventType, String entityKey, String idempotencyKey, String payload,
                      OffsetDateTime createdAt, RetryPolicy policy,
                      org.hms.hub.platform.sync.OutboundRequest.Lookup lookup, String resultPointer) {

    @Override
    public String toString() {
        return "Attempt[delivery " + deliveryId + " #" + attemptNo + " to " + connector + "]";
    }
}
