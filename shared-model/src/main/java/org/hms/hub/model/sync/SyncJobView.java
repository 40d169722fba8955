package org.hms.hub.model.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A manual sync job. {@code read}: items read from the source (or dead letters found); {@code enqueued}: sent on
 * for processing; {@code skipped}: seen before; {@code delivered} and {@code failed}: the outcome of the
 * deliveries it caused so far; {@code progress}: 0–100, {@code null} while the total is unknown.
 */
public record SyncJobView(UUID id, long connectorId, SyncMode mode, OffsetDateTime since, SyncJobState state,
                          long read, long enqueued, long skipped, long delivered, long failed, long pending,
                          Long total, Integer progress, String error, String createdBy, OffsetDateTime createdAt,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
