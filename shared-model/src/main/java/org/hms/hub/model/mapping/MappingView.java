package org.hms.hub.model.mapping;

import java.time.OffsetDateTime;

/** A mapping: what it maps, and which of its versions is active. */
public record MappingView(long id, String tenant, String name, Long connectorId, String resourceType,
                          MappingDirection direction, MappingFormat sourceFormat, MappingFormat targetFormat,
                          int activeVersion, int latestVersion, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
