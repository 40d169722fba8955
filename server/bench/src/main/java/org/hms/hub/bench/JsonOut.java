package org.hms.hub.bench;

import java.util.Map;

/** The figures as a flat JSON object. */
final class JsonOut {

    private JsonOut() {
    }

    static String of(Map<String, Object> figures) {
        return object(figures).toString() + "\n";
    }

    @SuppressWarnings("unchecked")
    private static jakarta.json.JsonObject object(Map<String, Object> figures) {
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        figures.forEach((k, v) -> {
            if (v instanceof Number n) {
                json.add(k, jakarta.json.Json.createValue(n.doubleValue()));
            } else if (v instanceof Map<?, ?> m) {
                json.add(k, object((Map<String, Object>) m));
            } else {
                json.add(k, String.valueOf(v));
            }
        });
        return json.build();
    }
}
