package org.hms.hub.model.sync;

import java.time.OffsetDateTime;

/** {@code POST /api/connectors/{id}/sync}: the mode and, optionally, how far back to go. */
public record SyncRequest(SyncMode mode, OffsetDateTime since) {
}
