package org.hms.hub.model.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** {@code MappingCreated}, {@code MappingVersionAdded} or {@code MappingActivated}: which mapping, which version. */
public record MappingChanged(UUID eventId, String tenant, OffsetDateTime occurredAt, String action, String actor,
                             long mappingId, String name, int version) implements HubEvent {

    public static MappingChanged of(String tenant, String action, String actor, long mappingId, String name,
                                    int version) {
        return new MappingChanged(UUID.randomUUID(), tenant, OffsetDateTime.now(ZoneOffset.UTC), action, actor,
                mappingId, name, version);
    }

    @Override
    public String type() {
        return action;
    }
}
