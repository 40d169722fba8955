package org.hms.hub.model.mapping;

import java.util.Map;

/**
 * A built-in mapping a tenant can copy and then change: seed 000's order mapping both ways, and more to come.
 *
 * @param reverse the key of the template that maps back (the pair is tested to round-trip), or null
 */
public record TemplateView(String key, String name, String description, String resourceType,
                           MappingDirection direction, MappingFormat sourceFormat, MappingFormat targetFormat,
                           String reverse, Map<String, Object> definition) {
}
