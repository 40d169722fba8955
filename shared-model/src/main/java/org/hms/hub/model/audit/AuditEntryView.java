package org.hms.hub.model.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit entry as the REST API shows it.
 *
 * @param id            the entry's position in the trail (larger is newer)
 * @param eventId       the id of the event the entry records
 * @param action        what happened (the event type)
 * @param details       a small JSON document with the facts of the event
 */
public record AuditEntryView(long id, UUID eventId, String tenant, String action, String actor,
                             String correlationId, OffsetDateTime occurredAt, OffsetDateTime recordedAt,
                             String details) {
}
