package org.hms.hub.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds records from JSON. The JSON-B implementation inside Payara (Yasson 3.0.4 as an OSGi bundle) cannot
 * construct records ("no default constructor"), so records, and lists and sets of records, are built here
 * through their canonical constructors; every other value is read by the hub's JSON-B. A member missing from
 * the JSON becomes {@code null} (or 0/false for primitives); unknown members are ignored.
 */
public final class Records {

    private Records() {
    }

    public static Object read(JsonValue json, Type type) {
        Class<?> raw = raw(type);
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return defaultFor(raw);
        }
        if (raw.isRecord()) {
            if (!(json instanceof JsonObject object)) {
                throw new IllegalArgumentException("expected an object for " + raw.getSimpleName());
            }
            return record(object, raw);
        }
        if ((raw == List.class || raw == Set.class || raw == Collection.class) && type instanceof ParameterizedType p
                && raw(p.getActualTypeArguments()[0]).isRecord()) {
            if (!(json instanceof JsonArray array)) {
                throw new IllegalArgumentException("expected an array");
            }
            Collection<Object> out = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
            array.forEach(item -> out.add(read(item, p.getActualTypeArguments()[0])));
            return raw == Set.class ? Set.copyOf(out) : List.copyOf(out);
        }
        return Json.JSONB.fromJson(json.toString(), type);
    }

    private static Object record(JsonObject object, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(object.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName(), e);
        }
    }

    private static Object defaultFor(Class<?> raw) {
        if (!raw.isPrimitive()) {
            return null;
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == char.class) {
            return '\0';
        }
        return Json.JSONB.fromJson("0", raw);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
