package org.hms.hub.mapping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.hms.hub.mapping.engine.InvalidMappingException;
import org.hms.hub.mapping.engine.Conversion;
import org.hms.hub.mapping.entity.MappingEntity;
import org.hms.hub.mapping.entity.MappingVersion;
import org.hms.hub.model.event.MappingChanged;
import org.hms.hub.model.mapping.MappingFormat;
import org.hms.hub.model.mapping.MappingRequest;
import org.hms.hub.model.mapping.MappingVersionView;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.model.mapping.PreviewResult;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The current tenant's mappings and their versions. A definition is compiled before it is stored, so a broken
 * rule is refused (422, naming the rule) rather than found when data flows; versions are immutable.
 */
@ApplicationScoped
public class MappingRegistry {

    @PersistenceContext(unitName = "mapping")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    EventPublisher events;

    @Inject
    CurrentCaller caller;

    @Transactional
    public MappingView create(MappingRequest r) {
        InvalidFields errors = new InvalidFields();
        errors.check(r.name() != null && !r.name().isBlank() && r.name().length() <= 120, "name",
                "A name of 1 to 120 characters is required.");
        errors.check(r.resourceType() != null && r.resourceType().matches("[A-Za-z][A-Za-z0-9]{0,63}"), "resourceType",
                "A resource type such as Order, Patient or Appointment is required.");
        errors.check(r.direction() != null, "direction", "OUTBOUND or INBOUND is required.");
        errors.check(r.sourceFormat() != null, "sourceFormat", "JSON, XML or FHIR_R4 is required.");
        errors.check(r.targetFormat() != null, "targetFormat", "JSON, XML or FHIR_R4 is required.");
        errors.throwIfAny();
        String definition = checked(r.definition(), r.sourceFormat(), r.targetFormat());
        tenancy.bind(em).createNamedQuery(MappingEntity.BY_NAME, MappingEntity.class).setParameter("name", r.name().strip())
                .getResultStream().findFirst().ifPresent(m -> {
                    throw new ProblemException(409, "Name taken", "A mapping named '" + r.name() + "' exists already.");
                });
        MappingEntity mapping = new MappingEntity(r.name().strip(), r.connectorId(), r.resourceType(), r.direction(),
                r.sourceFormat(), r.targetFormat());
        em.persist(mapping);
        em.flush();
        int v = mapping.nextVersion(true);
        em.persist(new MappingVersion(mapping.id(), v, definition, caller.actor()));
        events.publish(MappingChanged.of(tenant.current(), "MappingCreated", caller.actor(), mapping.id(),
                mapping.name(), v));
        return mapping.view(tenant.current());
    }

    @Transactional
    public MappingView addVersion(long id, Map<String, Object> definition, boolean activate) {
        MappingEntity mapping = find(id);
        String checked = checked(definition, mapping.sourceFormat(), mapping.targetFormat());
        int v = mapping.nextVersion(activate);
        em.persist(new MappingVersion(id, v, checked, caller.actor()));
        events.publish(MappingChanged.of(tenant.current(), "MappingVersionAdded", caller.actor(), id, mapping.name(), v));
        if (activate) {
            events.publish(MappingChanged.of(tenant.current(), "MappingActivated", caller.actor(), id, mapping.name(), v));
        }
        return mapping.view(tenant.current());
    }

    @Transactional
    public MappingView activate(long id, int versionNo) {
        MappingEntity mapping = find(id);
        if (!mapping.activate(versionNo)) {
            throw new ProblemException(404, "No such version", "Mapping " + id + " has no version " + versionNo + ".");
        }
        events.publish(MappingChanged.of(tenant.current(), "MappingActivated", caller.actor(), id, mapping.name(),
                versionNo));
        return mapping.view(tenant.current());
    }

    @Transactional
    public MappingView get(long id) {
        return find(id).view(tenant.current());
    }

    @Transactional
    public List<MappingView> list() {
        return tenancy.bind(em).createNamedQuery(MappingEntity.ALL, MappingEntity.class).getResultList().stream()
                .map(m -> m.view(tenant.current())).toList();
    }

    @Transactional
    public List<MappingVersionView> versions(long id) {
        MappingEntity mapping = find(id);
        return em.createNamedQuery(MappingVersion.OF_MAPPING, MappingVersion.class).setParameter("mappingId", id)
                .getResultList().stream().map(v -> new MappingVersionView(v.versionNo(), asMap(v.definition()),
                        v.versionNo() == mapping.activeVersion(), v.createdBy(), v.createdAt())).toList();
    }

    /** Runs the active version (or an inline definition) of a mapping on a sample; stores nothing. */
    @Transactional
    public PreviewResult preview(long id, Object sample, Map<String, Object> inline) {
        MappingEntity mapping = find(id);
        String definition = inline != null ? checked(inline, mapping.sourceFormat(), mapping.targetFormat()) : em.createNamedQuery(MappingVersion.ONE, MappingVersion.class)
                .setParameter("mappingId", id).setParameter("versionNo", mapping.activeVersion()).getSingleResult()
                .definition();
        return run(definition, sample);
    }

    /** Runs an inline definition on a sample, with no mapping behind it. */
    public PreviewResult dryRun(Map<String, Object> definition, Object sample) {
        return run(checked(definition, null, null), sample);
    }

    private PreviewResult run(String definition, Object sample) {
        if (sample == null) {
            new InvalidFields().add("sample", "A sample payload is required.").throwIfAny();
        }
        Conversion conversion = Conversion.compile(parse(definition));
        boolean xml = conversion.sourceFormat().equals("XML");
        if (xml && !(sample instanceof String)) {
            new InvalidFields().add("sample", "The source is XML: give the sample as a JSON string holding the"
                    + " document.").throwIfAny();
        }
        JsonValue input;
        try {
            // FHIR JSON may come as an object or, like FHIR XML, as a string holding the document
            input = conversion.read(sample instanceof String text && !conversion.sourceFormat().equals("JSON") ? text
                    : Json.JSONB.toJson(sample));
        } catch (IllegalArgumentException e) {
            throw new InvalidFields().add("sample", "The sample is not valid " + conversion.sourceFormat() + ": "
                    + e.getMessage()).failed();
        }
        Conversion.Converted result = conversion.apply(input);
        Object output = result.text() == null ? null : result.contentType().endsWith("json")
                ? Json.JSONB.fromJson(result.text(), Object.class) : result.text();
        return new PreviewResult(output,
                result.trace().stream().map(s -> new PreviewResult.TraceStep(s.rule(), s.kind(), s.from(), s.to(),
                        s.outcome())).toList(),
                result.warnings().stream().map(i -> new PreviewResult.RuleIssue(i.rule(), i.path(), i.message())).toList(),
                result.errors().stream().map(i -> new PreviewResult.RuleIssue(i.rule(), i.path(), i.message())).toList());
    }

    /**
     * The formats a definition declares must be the mapping's: {@code "xml": {"source"|"target": {"root": …}}}
     * for an XML side, {@code "fhir": {"source"|"target": {"resourceType": …}}} for a FHIR R4 side, neither for
     * JSON. Null formats (a dry run without a mapping) take what the definition declares.
     */
    private static void requireFormatsDeclared(Conversion conversion, MappingFormat source, MappingFormat target) {
        InvalidFields errors = new InvalidFields();
        for (String side : new String[] {"source", "target"}) {
            MappingFormat expected = side.equals("source") ? source : target;
            String declared = side.equals("source") ? conversion.sourceFormat() : conversion.targetFormat();
            if (expected == null || expected.name().equals(declared)) {
                continue;
            }
            String declaration = expected == MappingFormat.XML || declared.equals("XML") && expected == MappingFormat.JSON
                    ? "xml" : "fhir";
            errors.add("definition." + declaration + "." + side, switch (expected) {
                case XML -> "An XML " + side + " needs \"xml\": {\"" + side + "\": {\"root\": …, \"arrays\": [paths]}}"
                        + " in the definition.";
                case FHIR_R4 -> "A FHIR_R4 " + side + " needs \"fhir\": {\"" + side + "\": {\"resourceType\": …}} in"
                        + " the definition.";
                case JSON -> "The " + side + " format is JSON; remove the definition's " + declared + " declaration"
                        + " for the " + side + " or change the format.";
            });
        }
        errors.throwIfAny();
    }

    /** The definition as stored JSON, after checking that it compiles for the mapping's formats. */
    private static String checked(Map<String, Object> definition, MappingFormat source, MappingFormat target) {
        if (definition == null) {
            new InvalidFields().add("definition", "A definition {\"rules\": [...]} is required.").throwIfAny();
        }
        String json = Json.JSONB.toJson(definition);
        if (json.length() > 60_000) {
            new InvalidFields().add("definition", "A definition may have at most 60000 characters of JSON.").throwIfAny();
        }
        Conversion conversion = null;
        try {
            conversion = Conversion.compile(parse(json));
        } catch (InvalidMappingException e) {
            InvalidFields errors = new InvalidFields();
            e.issues().forEach(i -> errors.add("definition." + i.rule(), (i.path() == null ? "" : i.path() + ": ")
                    + i.message()));
            errors.throwIfAny();
        }
        requireFormatsDeclared(conversion, source, target);
        return json;
    }

    private MappingEntity find(long id) {
        MappingEntity mapping = tenancy.bind(em).find(MappingEntity.class, id);
        if (mapping == null) {
            throw new ProblemException(404, "No such mapping", "There is no mapping " + id + ".");
        }
        return mapping;
    }

    private static JsonObject parse(String json) {
        return parseValue(json).asJsonObject();
    }

    private static JsonValue parseValue(String json) {
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String json) {
        return (Map<String, Object>) Json.JSONB.fromJson(json, Map.class);
    }

}
