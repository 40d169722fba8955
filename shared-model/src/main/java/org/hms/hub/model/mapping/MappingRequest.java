package org.hms.hub.model.mapping;

import java.util.Map;

/**
 * {@code POST /api/mappings}: a mapping and its first version's definition ({@code {"rules": [...]}}).
 *
 * @param connectorId the connector the mapping belongs to, or null for a tenant-wide mapping
 * @param resourceType what is mapped: Order, Patient, Appointment, …
 */
public record MappingRequest(String name, Long connectorId, String resourceType, MappingDirection direction,
                             MappingFormat sourceFormat, MappingFormat targetFormat, Map<String, Object> definition) {
}
