package org.hms.hub.model.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A hub instance finished starting: its database schema is current and the broker accepted this event.
 *
 * @param instance the instance's name (host and process), so that a cluster's starts can be told apart
 * @param version  the hub's version
 */
public record HubStarted(UUID eventId, String tenant, OffsetDateTime occurredAt, String instance, String version)
        implements HubEvent {

    public static HubStarted now(String instance, String version) {
        return new HubStarted(UUID.randomUUID(), SYSTEM_TENANT, OffsetDateTime.now(java.time.ZoneOffset.UTC),
                instance, version);
    }
}
