package org.hms.hub.model.sync;

import java.time.OffsetDateTime;

/** A subscription of a connector to an event type. {@code disabledReason} says why the hub switched it off. */
public record SubscriptionView(long id, String eventType, long connectorId, Long mappingId, String method,
                               String path, boolean enabled, String disabledReason, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, long version) {
}
