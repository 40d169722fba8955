package org.hms.hub.mapping.engine;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable document a mapping writes: JSON as {@code Map}, {@code List}, {@code String}, {@code BigDecimal},
 * {@code Boolean} and {@code null}, converted from and to JSON-P at the edges.
 */
final class Tree {

    /** Looked up once: {@code Json.createXxx} looks the provider up on every call, which dominates a mapping run. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Marks "no value here", as distinct from a JSON null. */
    static final Object MISSING = new Object();

    private Tree() {
    }

    static JsonProvider json() {
        return JSON;
    }

    /** Parses JSON text; throws {@link jakarta.json.JsonException} when it is not JSON. */
    static JsonValue parse(String text) {
        try (jakarta.json.JsonReader reader = JSON.createReader(new java.io.StringReader(text))) {
            return reader.readValue();
        }
    }

    static Object of(JsonValue json) {
        return switch (json.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) json).forEach((k, v) -> map.put(k, of(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) json).forEach(v -> list.add(of(v)));
                yield list;
            }
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> ((JsonNumber) json).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    @SuppressWarnings("unchecked")
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            ((Map<String, Object>) map).forEach((k, v) -> b.add(k, toJson(v)));
            return b.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            list.forEach(v -> b.add(toJson(v)));
            return b.build();
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof Number n) {
            return JSON.createValue(new BigDecimal(n.toString()));
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JSON.createValue(value.toString());
    }

    /** The value at the steps, or {@link #MISSING}. */
    @SuppressWarnings("unchecked")
    static Object get(Object root, List<Object> steps) {
        Object cur = root;
        for (Object step : steps) {
            if (step instanceof String name && cur instanceof Map<?, ?> map) {
                if (!map.containsKey(name)) {
                    return MISSING;
                }
                cur = ((Map<String, Object>) map).get(name);
            } else if (step instanceof Integer index && cur instanceof List<?> list) {
                if (index >= list.size()) {
                    return MISSING;
                }
                cur = list.get(index);
            } else if (step instanceof Integer index && cur instanceof Map<?, ?> map
                    && map.containsKey(index.toString())) {
                cur = ((Map<String, Object>) map).get(index.toString());
            } else {
                return MISSING;
            }
        }
        return cur;
    }

    /** Writes the value at the steps, making objects (or arrays, for an index step) on the way. */
    @SuppressWarnings("unchecked")
    static Object set(Object root, List<Object> steps, Object value) {
        if (steps.isEmpty()) {
            return value;
        }
        Object container = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Object next = last ? null : steps.get(i + 1);
            if (step instanceof Integer index && container instanceof List<?> raw) {
                List<Object> list = (List<Object>) raw;
                while (list.size() <= index) {
                    list.add(null);
                }
                if (last) {
                    list.set(index, value);
                } else {
                    if (!(list.get(index) instanceof Map || list.get(index) instanceof List)) {
                        list.set(index, next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
                    }
                    container = list.get(index);
                }
            } else if (container instanceof Map<?, ?> raw) {
                Map<String, Object> map = (Map<String, Object>) raw;
                String name = step.toString();
                if (last) {
                    map.put(name, value);
                } else {
                    Object child = map.get(name);
                    if (!(child instanceof Map || child instanceof List)) {
                        child = next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
                        map.put(name, child);
                    }
                    container = child;
                }
            } else {
                throw new IllegalStateException("cannot write into a " + describe(container) + " at step " + step);
            }
        }
        return root;
    }

    static String describe(Object value) {
        if (value == MISSING) {
            return "missing value";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof BigDecimal) {
            return "number";
        }
        return value instanceof Boolean ? "boolean" : "string";
    }
}
