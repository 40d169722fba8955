package org.hms.hub.model.mapping;

/** {@code POST /api/mappings/templates/{key}/copy}: the new mapping's name and, optionally, its connector. */
public record TemplateCopy(String name, Long connectorId) {
}
