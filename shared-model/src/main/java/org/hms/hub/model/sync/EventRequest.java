package org.hms.hub.model.sync;

import java.time.OffsetDateTime;

/**
 * {@code POST /api/events}: a domain event an HMS component publishes (seed 004's {@code {type, payload}}).
 *
 * @param type           a registered event type ({@code GET /api/event-types})
 * @param version        the schema version the payload follows; the latest when absent
 * @param payload        the event's facts, valid against the type's JSON Schema
 * @param occurredAt     when it happened (default: when the hub received it)
 * @param idempotencyKey the publisher's key for this event: the same key again is accepted once
 * @param entityKey      what the event concerns, for ordering deliveries (default: the payload's first required
 *                       field, e.g. {@code orderId})
 * @param correlationId  carried into the audit trail
 */
public record EventRequest(String type, Integer version, Object payload, OffsetDateTime occurredAt,
                           String idempotencyKey, String entityKey, String correlationId) {
}
