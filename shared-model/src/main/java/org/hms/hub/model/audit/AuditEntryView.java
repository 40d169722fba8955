package org.hms.hub.model.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit entry as the REST API shows it.
 *
 * @param id            the entry's position in the trail (larger is newer)
 * @param eventId       the id of the event the entry records
 * @param action        what happened (a verb of the catalogue in docs/audit.md)
 * @param occurredAt    when it happened (UTC, microseconds)
 * @param details       a small JSON document with the facts of the event (ids, counts, digests; no secrets, no
 *                      clinical payloads)
 * @param seq           the entry's position in its tenant's hash chain (null: recorded before the chain existed)
 * @param actorType     USER, CONNECTOR or SYSTEM
 * @param outcome       success or failure ({@code reason} says why)
 * @param hash          SHA-256 of the previous entry's hash and this entry in canonical form
 */
public record AuditEntryView(long id, UUID eventId, String tenant, String action, String actor,
                             String correlationId, OffsetDateTime occurredAt, OffsetDateTime recordedAt,
                             String details, Long seq, String actorType, String targetType, String targetId,
                             String outcome, String reason, Long connectorId, String sourceAddress,
                             String userAgent, String hash) {
}
