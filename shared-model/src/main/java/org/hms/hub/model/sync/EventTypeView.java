package org.hms.hub.model.sync;

import java.util.Map;

/** A registered event type: its name, a schema version and that version's JSON Schema (draft 2020-12). */
public record EventTypeView(String type, int version, String title, Map<String, Object> schema) {
}
