package org.hms.hub.model.mapping;

import java.time.OffsetDateTime;
import java.util.Map;

/** One version of a mapping's definition; versions are never changed, only added and activated. */
public record MappingVersionView(int version, Map<String, Object> definition, boolean active, String createdBy,
                                 OffsetDateTime createdAt) {
}
