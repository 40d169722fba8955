package org.hms.hub.app.incontainer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hms.hub.model.event.HubEvent;

/** A test-only event: something happened in the probe's transaction. */
public record ProbeHappened(UUID eventId, String tenant, OffsetDateTime occurredAt, String marker) implements HubEvent {

    static ProbeHappened now(String marker) {
        return new ProbeHappened(UUID.randomUUID(), "tenant-probe", OffsetDateTime.now(ZoneOffset.UTC), marker);
    }
}
