package org.hms.hub.console.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Map;

/** JSON for what users type and read in the console: parsing their text, and showing values pretty-printed. */
public final class Json {

    private static final Jsonb COMPACT = JsonbBuilder.create();
    private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private Json() {
    }

    public static <T> T read(String text, Class<T> type) {
        return COMPACT.fromJson(text, type);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String text) {
        return COMPACT.fromJson(text, Map.class);
    }

    public static String write(Object value) {
        return COMPACT.toJson(value);
    }

    public static String pretty(String json) {
        return PRETTY.toJson(COMPACT.fromJson(json, Object.class));
    }
}
