package org.hms.hub.model.order;

import java.time.OffsetDateTime;

/**
 * One step of an order's sync history: what came in or went out ({@code direction} API_TO_OMS, OMS_TO_API or
 * HUB), what the hub did ({@code action}), with which status, and how it ended. {@code lagMs} is the time from the
 * webhook's arrival to the other side's confirmation.
 */
public record OrderOperationView(long id, OffsetDateTime at, String direction, String action, String status,
                                 String outcome, Long deliveryId, String detail, Long lagMs,
                                 OffsetDateTime completedAt) {
}
