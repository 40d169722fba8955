package org.hms.hub.connector.control.polling;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a pull: its items, where the next page is (a FHIR {@code next} link or a REST cursor;
 * {@code null} on the last page), and the total when the source says. Parsing is pure.
 *
 * @param items each with the id that makes it unique per version, and its last-updated value
 */
public record Page(List<Item> items, String next, Long total) {

    public record Item(String externalId, String updated, String body) {
    }

    /** A FHIR searchset Bundle: one item per entry resource; its version id, or failing that lastUpdated, versions it. */
    public static Page fhir(JsonObject bundle) {
        if (!"Bundle".equals(bundle.getString("resourceType", null))) {
            throw new IllegalArgumentException("The FHIR server answered a " + bundle.getString("resourceType", "non-FHIR")
                    + " resource where a Bundle was expected.");
        }
        List<Item> items = new ArrayList<>();
        for (JsonValue e : bundle.getJsonArray("entry") == null ? List.<JsonValue>of() : bundle.getJsonArray("entry")) {
            if (!(e instanceof JsonObject entry) || !(entry.get("resource") instanceof JsonObject resource)) {
                continue;
            }
            if (entry.get("search") instanceof JsonObject search && "include".equals(search.getString("mode", null))) {
                continue;
            }
            JsonObject meta = resource.getJsonObject("meta");
            String updated = meta == null ? null : meta.getString("lastUpdated", null);
            String version = meta == null ? null : meta.getString("versionId", null);
            String id = resource.getString("resourceType", "?") + "/" + resource.getString("id", "?");
            items.add(new Item(id + "/_history/" + (version != null ? version : updated), updated, resource.toString()));
        }
        String next = null;
        JsonArray links = bundle.getJsonArray("link");
        if (links != null) {
            for (JsonValue l : links) {
                if (l instanceof JsonObject link && "next".equals(link.getString("relation", null))) {
                    next = link.getString("url", null);
                }
            }
        }
        Long total = bundle.containsKey("total") ? bundle.getJsonNumber("total").longValue() : null;
        return new Page(items, next, total);
    }

    /** A REST page: items at {@code itemsPointer} (default: the array itself, or {@code /items} or {@code /data}). */
    public static Page rest(JsonValue body, PollConfig c) {
        JsonValue found = c.itemsPointer() != null ? at(body, c.itemsPointer())
                : body instanceof JsonArray ? body : first(at(body, "/items"), at(body, "/data"));
        if (!(found instanceof JsonArray array)) {
            throw new IllegalArgumentException("The answer has no array of items at "
                    + (c.itemsPointer() != null ? c.itemsPointer() : "the top, /items or /data")
                    + " (set polling.itemsPointer).");
        }
        List<Item> items = new ArrayList<>();
        for (JsonValue v : array) {
            String id = scalar(at(v, c.idPointer()));
            if (id == null) {
                throw new IllegalArgumentException("An item has no id at " + c.idPointer() + " (polling.idPointer).");
            }
            String updated = scalar(at(v, c.updatedPointer()));
            items.add(new Item(id + "@" + (updated == null ? "" : updated), updated, v.toString()));
        }
        String next = c.nextCursorPointer() == null ? null : scalar(at(body, c.nextCursorPointer()));
        return new Page(items, next, null);
    }

    /** The greatest last-updated value of the page (ISO-8601 times compare as text within one format), or null. */
    public String maxUpdated() {
        return items.stream().map(Item::updated).filter(java.util.Objects::nonNull)
                .max(Page::compareTimes).orElse(null);
    }

    static int compareTimes(String a, String b) {
        try {
            return java.time.OffsetDateTime.parse(a).compareTo(java.time.OffsetDateTime.parse(b));
        } catch (java.time.format.DateTimeParseException e) {
            return a.compareTo(b);
        }
    }

    private static JsonValue first(JsonValue a, JsonValue b) {
        return a != null ? a : b;
    }

    static JsonValue at(JsonValue value, String pointer) {
        if (!(value instanceof JsonStructure s)) {
            return null;
        }
        try {
            JsonPointer p = org.hms.hub.platform.json.Json.JSONP.createPointer(pointer);
            return p.containsValue(s) ? p.getValue(s) : null;
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    private static String scalar(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        return v instanceof jakarta.json.JsonNumber n ? n.toString() : null;
    }
}
