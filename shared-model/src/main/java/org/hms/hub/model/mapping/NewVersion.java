package org.hms.hub.model.mapping;

import java.util.Map;

/** {@code POST /api/mappings/{id}/versions}: a new definition, active at once unless {@code activate} is false. */
public record NewVersion(Map<String, Object> definition, Boolean activate) {
}
