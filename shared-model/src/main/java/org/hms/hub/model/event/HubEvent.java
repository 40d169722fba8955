package org.hms.hub.model.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A domain event that crosses a module boundary on the {@code hub.events} topic.
 * <p>
 * Events are past-tense facts. They carry identifiers and a few facts, never secrets or clinical payloads.
 * The JMS message that carries one has the properties {@code type}, {@code tenant}, {@code eventId} and
 * {@code correlationId}; its body is the record as JSON.
 */
public interface HubEvent {

    /** Tenant used for events that concern the hub itself rather than one hospital tenant. */
    String SYSTEM_TENANT = "system";

    /** Unique id of this event; consumers use it to process each event once. */
    UUID eventId();

    /** The tenant the event belongs to. */
    String tenant();

    /** When the fact happened, UTC. */
    OffsetDateTime occurredAt();

    /** The event type name as it appears in the JMS {@code type} property. */
    default String type() {
        return getClass().getSimpleName();
    }
}
