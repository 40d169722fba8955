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
import java.util.concurrent.ConcurrentHashMap;
import org.hms.hub.mapping.engine.InvalidMappingException;
import org.hms.hub.mapping.engine.Mapping;
import org.hms.hub.mapping.engine.MappingResult;
import org.hms.hub.mapping.engine.Mappings;
import org.hms.hub.mapping.engine.XmlFormat;
import org.hms.hub.mapping.entity.MappingEntity;
import org.hms.hub.mapping.entity.MappingVersion;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.transform.PayloadTransformer;

/**
 * The mapping module's side of {@link PayloadTransformer}: runs the active version of a mapping. Compiled
 * mappings are cached per tenant, mapping and version (a version never changes, so the cache needs no
 * invalidation; it is emptied when it grows past a bound).
 */
@ApplicationScoped
public class MappingTransformer implements PayloadTransformer {

    private static final int CACHE_BOUND = 2_000;

    @PersistenceContext(unitName = "mapping")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    private record Compiled(Mapping mapping, XmlFormat sourceXml, XmlFormat targetXml) {
    }

    @Override
    @Transactional
    public Result transform(long mappingId, String payload) {
        MappingEntity entity = tenancy.bind(em).find(MappingEntity.class, mappingId);
        if (entity == null) {
            return new Result(null, null, List.of("There is no mapping " + mappingId + "."));
        }
        Compiled c;
        try {
            c = compiled(entity);
        } catch (InvalidMappingException e) {
            return new Result(null, null, e.issues().stream().map(Object::toString).toList());
        }
        JsonValue input;
        try {
            input = c.sourceXml() != null ? c.sourceXml().readJson(payload) : parse(payload);
        } catch (RuntimeException e) {
            return new Result(null, null, List.of("The payload is not valid " + (c.sourceXml() != null ? "XML" : "JSON")
                    + ": " + e.getMessage()));
        }
        MappingResult result = c.mapping().apply(input);
        if (!result.ok()) {
            return new Result(null, null, result.errors().stream().map(Object::toString).toList());
        }
        return c.targetXml() != null
                ? new Result(c.targetXml().writeJson(result.output()), "application/xml", List.of())
                : new Result(result.output().toString(), "application/json", List.of());
    }

    @Override
    public Result transformWithTemplate(String templateKey, String payload) {
        Compiled c = compiled.computeIfAbsent("template/" + templateKey, k -> {
            org.hms.hub.model.mapping.TemplateView t = MappingTemplates.load(templateKey);
            JsonObject definition = parse(org.hms.hub.platform.json.Json.JSONB.toJson(t.definition())).asJsonObject();
            return new Compiled(Mappings.compile(definition), null, null);
        });
        JsonValue input;
        try {
            input = parse(payload);
        } catch (RuntimeException e) {
            return new Result(null, null, List.of("The payload is not valid JSON: " + e.getMessage()));
        }
        MappingResult result = c.mapping().apply(input);
        return result.ok() ? new Result(result.output().toString(), "application/json", List.of())
                : new Result(null, null, result.errors().stream().map(Object::toString).toList());
    }

    @Override
    @Transactional
    public boolean exists(long mappingId) {
        return tenancy.bind(em).find(MappingEntity.class, mappingId) != null;
    }

    private Compiled compiled(MappingEntity entity) {
        String key = tenant.current() + "/" + entity.id() + "/" + entity.activeVersion();
        Compiled c = compiled.get(key);
        if (c == null) {
            String definition = em.createNamedQuery(MappingVersion.ONE, MappingVersion.class)
                    .setParameter("mappingId", entity.id()).setParameter("versionNo", entity.activeVersion())
                    .getSingleResult().definition();
            JsonObject parsed = parse(definition).asJsonObject();
            c = new Compiled(Mappings.compile(parsed), MappingRegistry.xml(parsed, "source"),
                    MappingRegistry.xml(parsed, "target"));
            if (compiled.size() > CACHE_BOUND) {
                compiled.clear();
            }
            compiled.put(key, c);
        }
        return c;
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
