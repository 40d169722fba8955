package org.hms.hub.model.sync;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A delivery or inbound item the hub gave up on: what it was (payload, headers with secrets masked), where it
 * was going, why it failed and how often it was tried. {@code payload} is left out of list pages.
 */
public record DeadLetterView(long id, long connectorId, String kind, Long deliveryId, String eventType,
                             String entityKey, DeadLetterReason reason, String error, Integer httpStatus,
                             int attempts, Map<String, String> headers, String payload, boolean edited,
                             DeadLetterState state, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                             String resolvedBy, long version) {
}
