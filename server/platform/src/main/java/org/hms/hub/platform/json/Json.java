package org.hms.hub.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The hub's one JSON-B configuration, used for REST bodies and event messages alike.
 * <p>
 * Shared-model types are records. Inside Payara, JSON-B does not see record components as properties and
 * writes {@code {}}; reading the (private final) component fields instead gives the record's own shape.
 */
public final class Json {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyVisibilityStrategy(new RecordComponents())
            .withFormatting(false));

    /**
     * The JSON-P provider, looked up once. {@code jakarta.json.Json.createReader(…)} and friends look the provider
     * up through the ServiceLoader on every call, which in a web application scans the class path each time (it
     * was most of the hub's CPU time under load); use this instead.
     */
    public static final jakarta.json.spi.JsonProvider JSONP = jakarta.json.spi.JsonProvider.provider();

    private Json() {
    }

    /** Record components (their fields) are properties; for other classes the default rules apply. */
    static final class RecordComponents implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            if (field.getDeclaringClass().isRecord()) {
                return !Modifier.isStatic(field.getModifiers());
            }
            return Modifier.isPublic(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            return !method.getDeclaringClass().isRecord() && Modifier.isPublic(method.getModifiers());
        }
    }
}
