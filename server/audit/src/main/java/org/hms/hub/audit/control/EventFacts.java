package org.hms.hub.audit.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hms.hub.audit.entity.EntryFacts;
import org.hms.hub.platform.json.Json;

/**
 * Reads the entry's facts out of any event on {@code hub.events} (SyncEvent, SecurityEvent, ConnectorChanged,
 * MappingChanged, HubStarted, and whatever comes later): the envelope members become columns, everything else
 * becomes the canonical details JSON. A pure function; unit-tested.
 */
public final class EventFacts {

    /** Members that become columns (or are the entry's own fields), not details. */
    private static final Set<String> ENVELOPE = Set.of("eventId", "tenant", "occurredAt", "action", "actor",
            "outcome", "reason", "targetType", "targetId", "connectorId", "address", "sourceAddress", "userAgent",
            "details");

    private EventFacts() {
    }

    public static EntryFacts of(String action, JsonObject event) {
        JsonObject e = event == null ? JsonValue.EMPTY_JSON_OBJECT : event;
        JsonObject nested = e.get("details") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        String actor = text(e, "actor");
        Long connectorId = e.get("connectorId") instanceof JsonNumber n && n.longValue() > 0 ? n.longValue() : null;
        String targetType = text(e, "targetType");
        String targetId = text(e, "targetId");
        if (targetType == null) {
            if (e.containsKey("mappingId")) {
                targetType = "Mapping";
                targetId = text(e, "mappingId");
            } else if (connectorId != null) {
                targetType = "Connector";
                targetId = connectorId.toString();
            } else if (text(e, "subject") != null) {
                targetType = "User";
                targetId = text(e, "subject");
            } else if (text(e, "instance") != null) {
                targetType = "Hub";
                targetId = text(e, "instance");
            }
        }
        String outcome = text(e, "outcome");
        String address = first(text(e, "address"), text(e, "sourceAddress"), text(nested, "sourceAddress"),
                text(nested, "remoteAddress"));
        Map<String, JsonValue> rest = new TreeMap<>();
        e.forEach((k, v) -> {
            if (!ENVELOPE.contains(k)) {
                rest.put(k, v);
            }
        });
        nested.forEach((k, v) -> {
            if (!k.equals("sourceAddress") && !k.equals("remoteAddress")) {
                rest.put(k, v);
            }
        });
        return new EntryFacts(actorType(actor), clip(targetType, 64), clip(targetId, 200),
                outcome == null ? "success" : outcome, clip(text(e, "reason"), 1000), connectorId,
                clip(address == null || address.isBlank() ? null : address, 100), clip(text(e, "userAgent"), 300),
                canonical(rest));
    }

    /** USER, CONNECTOR or SYSTEM. */
    static String actorType(String actor) {
        if (actor == null || actor.equals("system")) {
            return "SYSTEM";
        }
        return actor.startsWith("connector:") ? "CONNECTOR" : "USER";
    }

    /** A JSON object with members sorted at every level, no whitespace. */
    public static String canonical(Map<String, JsonValue> members) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.JSONP.createGenerator(out)) {
            g.writeStartObject();
            members.forEach((k, v) -> g.write(k, sorted(v)));
            g.writeEnd();
        }
        return out.toString();
    }

    private static JsonValue sorted(JsonValue v) {
        if (v instanceof JsonObject o) {
            var b = Json.JSONP.createObjectBuilder();
            new TreeMap<>(o).forEach((k, x) -> b.add(k, sorted(x)));
            return b.build();
        }
        if (v instanceof jakarta.json.JsonArray a) {
            var b = Json.JSONP.createArrayBuilder();
            a.forEach(x -> b.add(sorted(x)));
            return b.build();
        }
        return v;
    }

    static String text(JsonObject o, String member) {
        JsonValue v = o == null ? null : o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
