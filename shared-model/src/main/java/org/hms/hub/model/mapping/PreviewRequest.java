package org.hms.hub.model.mapping;

import java.util.Map;

/**
 * A dry run: the sample payload, and (for {@code POST /api/mappings/preview}, or to try a change before saving
 * it) an inline definition; without one, the mapping's active version runs.
 */
public record PreviewRequest(Object sample, Map<String, Object> definition) {
}
