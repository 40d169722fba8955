package org.hms.hub.model.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hub's answer to an accepted webhook (202): its receipt id, and whether this webhook id had been received
 * before (a replay, acknowledged and not processed again).
 */
public record WebhookAck(UUID receiptId, boolean duplicate, OffsetDateTime receivedAt) {
}
