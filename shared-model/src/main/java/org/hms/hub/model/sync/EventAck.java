package org.hms.hub.model.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The hub's answer to a published event (202): its receipt, and whether the idempotency key was seen before. */
public record EventAck(UUID receiptId, boolean duplicate, OffsetDateTime receivedAt) {
}
