package org.hms.hub.connector.control.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.hms.hub.model.sync.EventTypeView;
import org.hms.hub.platform.json.Json;

/**
 * The registry of event types HMS components may publish, each with JSON Schemas (draft 2020-12) by version:
 * ProcessUpdated (seed 004), PatientUpdated, AppointmentBooked, AppointmentCancelled, OrderStatusChanged — files
 * {@code org/hms/hub/connector/events/<Type>.v<n>.json}. A new version of a type is a new file; publishers name the
 * version they follow, or get the latest. Formats (e.g. {@code date-time}) are asserted, not just annotated.
 */
@ApplicationScoped
public class EventTypes {

    static final List<String> BUILT_IN = List.of("ProcessUpdated", "PatientUpdated", "AppointmentBooked",
            "AppointmentCancelled", "OrderStatusChanged");
    private static final int MAX_VERSIONS = 20;

    /** One version of a type: its schema as text and compiled, and the field that keys its entity. */
    public record Version(String type, int version, String title, String schemaJson, JsonSchema schema,
                          String entityField) {
    }

    /** A schema violation: where in the payload (a dotted path under {@code payload}) and what is wrong. */
    public record Violation(String field, String message) {
    }

    private final Map<String, NavigableMap<Integer, Version>> types = new TreeMap<>();

    public EventTypes() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (String type : BUILT_IN) {
            for (int v = 1; v <= MAX_VERSIONS; v++) {
                String json = resource(type + ".v" + v + ".json");
                if (json == null) {
                    break;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = Json.JSONB.fromJson(json, Map.class);
                String entityField = parsed.get("required") instanceof List<?> required && !required.isEmpty()
                        ? String.valueOf(required.get(0)) : null;
                types.computeIfAbsent(type, k -> new TreeMap<>()).put(v, new Version(type, v,
                        String.valueOf(parsed.getOrDefault("title", type)), json, factory.getSchema(json, config),
                        entityField));
            }
        }
    }

    public List<EventTypeView> list() {
        List<EventTypeView> out = new ArrayList<>();
        types.values().forEach(versions -> versions.values().forEach(v -> out.add(view(v))));
        out.sort(Comparator.comparing(EventTypeView::type).thenComparing(EventTypeView::version));
        return out;
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }

    /** The type at the version asked for, or its latest version when {@code version} is null. */
    public Optional<Version> find(String type, Integer version) {
        NavigableMap<Integer, Version> versions = type == null ? null : types.get(type);
        if (versions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(version == null ? versions.lastEntry().getValue() : versions.get(version));
    }

    public List<Violation> validate(Version version, String payloadJson) {
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : version.schema().validate(payloadJson, InputFormat.JSON)) {
            String at = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
            // the validator writes "$.a.b" or "/a/b" depending on the keyword: one dotted form for clients
            String path = (at.startsWith("$") ? at.substring(1) : at).replace('/', '.');
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                path = path + "." + m.getProperty();
            }
            // the message starts with the location ("$.a: …" or "/a: …"), which the field names already
            String message = m.getMessage().replaceFirst("^[$/][^\\s:]*: ", "");
            out.add(new Violation("payload" + path, message));
        }
        out.sort(Comparator.comparing(Violation::field));
        return out;
    }

    public static EventTypeView view(Version v) {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = Json.JSONB.fromJson(v.schemaJson(), Map.class);
        return new EventTypeView(v.type(), v.version(), v.title(), schema);
    }

    private static String resource(String name) {
        try (InputStream in = EventTypes.class.getResourceAsStream("/org/hms/hub/connector/events/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the event schema " + name, e);
        }
    }
}
