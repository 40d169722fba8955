package org.hms.hub.order.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.hms.hub.platform.json.Json;

/** Reading the two systems' order JSON: ids that may be numbers or strings, times in ISO-8601. */
final class OrderJson {

    private OrderJson() {
    }

    static JsonValue parse(String json) {
        try (var reader = Json.JSONP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /**
     * The order inside a webhook body: Standard Webhooks' {@code data}, seed 004's {@code payload}, or the body
     * itself when it is the order.
     */
    static JsonObject order(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        JsonObject o = body.asJsonObject();
        for (String member : new String[] {"data", "payload", "order"}) {
            JsonValue inner = o.get(member);
            if (inner != null && inner.getValueType() == JsonValue.ValueType.OBJECT && inner.asJsonObject().containsKey("id")) {
                return inner.asJsonObject();
            }
        }
        return o;
    }

    /** The event type of a webhook body ({@code type} or {@code event}), or null. */
    static String type(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        String type = text(body.asJsonObject(), "type");
        return type != null ? type : text(body.asJsonObject(), "event");
    }

    static String text(JsonObject o, String member) {
        JsonValue v = o == null ? null : o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.isIntegral() ? n.bigIntegerValue().toString() : n.toString();
        }
        return v.toString();
    }

    static OffsetDateTime time(JsonObject o, String member) {
        String t = text(o, member);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t.replace(' ', 'T')).atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(member + " '" + t + "' is not an ISO-8601 time");
            }
        }
    }
}
