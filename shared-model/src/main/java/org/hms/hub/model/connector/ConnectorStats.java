package org.hms.hub.model.connector;

import java.time.OffsetDateTime;
import java.util.Map;

/** {@code GET /api/connectors/stats}: counts by status and type, and the most recent sync of any connector. */
public record ConnectorStats(long total, long active, long inactive, long error, long testing,
                             Map<ConnectorType, Long> byType, OffsetDateTime lastSyncedAt) {
}
