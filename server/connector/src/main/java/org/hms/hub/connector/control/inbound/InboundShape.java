package org.hms.hub.connector.control.inbound;

import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * How to read an inbound item of one connector: its event type, the payload to fan out, and the key of the
 * entity it concerns (which orders deliveries). Set in the connector's config under {@code inbound}:
 * <pre>{"inbound": {"eventType": "PatientUpdated", "eventTypePointer": "/type",
 *               "payloadPointer": "/payload", "entityKeyPointer": "/payload/id"}}</pre>
 * Defaults fit seed 004's envelope {@code {type, payload}} and Standard Webhooks' {@code {type, data}}: the type
 * from {@code /type} (a FHIR resource: its {@code resourceType}), the payload from {@code /payload} or
 * {@code /data} when present (else the whole body), the key from the payload's {@code id}. A fixed
 * {@code eventType} is used when the body names none. Pure.
 */
public record InboundShape(String eventType, String eventTypePointer, String payloadPointer, String entityKeyPointer) {

    /** What one item says of itself. {@code entityKey} is {@code null} when the item names no entity. */
    public record Read(String eventType, JsonValue payload, String entityKey) {
    }

    public static final InboundShape DEFAULT = new InboundShape(null, null, null, null);

    /** Events published by HMS components ({@code POST /api/events}), as the hub wraps them. */
    public static final InboundShape PUBLISHED = new InboundShape(null, "/type", "/payload", "/entityKey");

    public static InboundShape of(Map<String, Object> config) {
        if (config == null || !(config.get("inbound") instanceof Map<?, ?> inbound)) {
            return DEFAULT;
        }
        return new InboundShape(text(inbound.get("eventType")), text(inbound.get("eventTypePointer")),
                text(inbound.get("payloadPointer")), text(inbound.get("entityKeyPointer")));
    }

    private static String text(Object o) {
        return o instanceof String s && !s.isBlank() ? s : null;
    }

    /** Reads an item; throws {@link IllegalArgumentException} naming what is missing. */
    public Read read(JsonValue body) {
        String type = typeOf(body);
        if (type == null) {
            throw new IllegalArgumentException("The item names no event type (looked at "
                    + (eventTypePointer != null ? eventTypePointer : "/type and /resourceType")
                    + ") and the connector's config sets no inbound.eventType.");
        }
        JsonValue payload = payloadOf(body);
        return new Read(type, payload, keyOf(body, payload));
    }

    private String typeOf(JsonValue body) {
        if (eventTypePointer != null) {
            return string(at(body, eventTypePointer));
        }
        String type = string(at(body, "/type"));
        if (type == null && body instanceof JsonObject o && o.get("resourceType") instanceof JsonString rt) {
            type = rt.getString();
        }
        return type != null ? type : eventType;
    }

    private JsonValue payloadOf(JsonValue body) {
        if (payloadPointer != null) {
            JsonValue p = at(body, payloadPointer);
            if (p == null) {
                throw new IllegalArgumentException("The item has nothing at " + payloadPointer + " (inbound.payloadPointer).");
            }
            return p;
        }
        if (body instanceof JsonObject o && !o.containsKey("resourceType")) {
            JsonValue p = o.get("payload");
            if (p != null && p.getValueType() != JsonValue.ValueType.NULL) {
                return p;
            }
            JsonValue d = o.get("data");
            if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
                return d;
            }
        }
        return body;
    }

    private String keyOf(JsonValue body, JsonValue payload) {
        if (entityKeyPointer != null) {
            return scalar(at(body, entityKeyPointer));
        }
        return scalar(at(payload, "/id"));
    }

    private static JsonValue at(JsonValue value, String pointer) {
        if (value == null) {
            return null;
        }
        try {
            JsonPointer p = org.hms.hub.platform.json.Json.JSONP.createPointer(pointer);
            return value instanceof jakarta.json.JsonStructure s && p.containsValue(s) ? p.getValue(s) : null;
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    private static String string(JsonValue v) {
        return v instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static String scalar(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        return v instanceof jakarta.json.JsonNumber n ? n.toString() : null;
    }
}
