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
import org.hms.hub.mapping.engine.MappingResult;
import org.hms.hub.mapping.engine.Mappings;
import org.hms.hub.mapping.engine.XmlFormat;
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
        errors.check(r.sourceFormat() != null && r.sourceFormat() != MappingFormat.FHIR_R4, "sourceFormat",
                "JSON or XML; FHIR_R4 comes with the FHIR support of the mapping issue.");
        errors.check(r.targetFormat() != null && r.targetFormat() != MappingFormat.FHIR_R4, "targetFormat",
                "JSON or XML; FHIR_R4 comes with the FHIR support of the mapping issue.");
        errors.throwIfAny();
        requireXmlDeclared(r.definition(), r.sourceFormat(), r.targetFormat());
        String definition = checked(r.definition());
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
        String checked = checked(definition);
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
        String definition = inline != null ? checked(inline) : em.createNamedQuery(MappingVersion.ONE, MappingVersion.class)
                .setParameter("mappingId", id).setParameter("versionNo", mapping.activeVersion()).getSingleResult()
                .definition();
        return run(definition, sample);
    }

    /** Runs an inline definition on a sample, with no mapping behind it. */
    public PreviewResult dryRun(Map<String, Object> definition, Object sample) {
        return run(checked(definition), sample);
    }

    private PreviewResult run(String definition, Object sample) {
        if (sample == null) {
            new InvalidFields().add("sample", "A sample payload is required.").throwIfAny();
        }
        JsonObject parsed = parse(definition);
        XmlFormat sourceXml = xml(parsed, "source");
        XmlFormat targetXml = xml(parsed, "target");
        JsonValue input;
        try {
            input = sourceXml == null ? parseValue(Json.JSONB.toJson(sample))
                    : sourceXml.readJson(sample instanceof String text ? text : "");
        } catch (IllegalArgumentException e) {
            throw new InvalidFields().add("sample", "The sample is not the declared XML: " + e.getMessage()).failed();
        }
        MappingResult result = Mappings.compile(parsed).apply(input);
        Object output = result.output() == null ? null : targetXml != null ? targetXml.writeJson(result.output())
                : Json.JSONB.fromJson(result.output().toString(), Object.class);
        return new PreviewResult(output,
                result.trace().stream().map(s -> new PreviewResult.TraceStep(s.rule(), s.kind(), s.from(), s.to(),
                        s.outcome())).toList(),
                result.warnings().stream().map(i -> new PreviewResult.RuleIssue(i.rule(), i.path(), i.message())).toList(),
                result.errors().stream().map(i -> new PreviewResult.RuleIssue(i.rule(), i.path(), i.message())).toList());
    }

    /**
     * The XML conventions a definition declares for one side: {@code "xml": {"source": {"root": "order",
     * "arrays": ["/items/item"]}, "target": {"root": …}}}; null when that side is JSON.
     */
    static XmlFormat xml(JsonObject definition, String side) {
        if (!(definition.get("xml") instanceof JsonObject xml) || !(xml.get(side) instanceof JsonObject format)) {
            return null;
        }
        java.util.Set<String> arrays = format.get("arrays") instanceof jakarta.json.JsonArray list
                ? list.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .collect(java.util.stream.Collectors.toSet()) : java.util.Set.of();
        return new XmlFormat(format.getString("root", null), arrays);
    }

    private static void requireXmlDeclared(Map<String, Object> definition, MappingFormat source, MappingFormat target) {
        if (definition == null) {
            return;
        }
        JsonObject parsed = parse(Json.JSONB.toJson(definition));
        InvalidFields errors = new InvalidFields();
        for (String side : new String[] {"source", "target"}) {
            boolean isXml = (side.equals("source") ? source : target) == MappingFormat.XML;
            XmlFormat declared;
            try {
                declared = xml(parsed, side);
            } catch (IllegalArgumentException e) {
                errors.add("definition.xml." + side, e.getMessage());
                continue;
            }
            errors.check(isXml == (declared != null), "definition.xml." + side, isXml
                    ? "An XML " + side + " needs \"xml\": {\"" + side + "\": {\"root\": …, \"arrays\": [paths]}} in the definition."
                    : "The " + side + " format is JSON; remove xml." + side + " or make the format XML.");
        }
        errors.throwIfAny();
    }

    /** The definition as stored JSON, after checking that it compiles. */
    private static String checked(Map<String, Object> definition) {
        if (definition == null) {
            new InvalidFields().add("definition", "A definition {\"rules\": [...]} is required.").throwIfAny();
        }
        String json = Json.JSONB.toJson(definition);
        if (json.length() > 60_000) {
            new InvalidFields().add("definition", "A definition may have at most 60000 characters of JSON.").throwIfAny();
        }
        try {
            Mappings.compile(parse(json));
        } catch (InvalidMappingException e) {
            InvalidFields errors = new InvalidFields();
            e.issues().forEach(i -> errors.add("definition." + i.rule(), i.message()));
            errors.throwIfAny();
        }
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
