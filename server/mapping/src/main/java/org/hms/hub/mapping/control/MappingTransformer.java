package org.hms.hub.mapping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.hms.hub.mapping.engine.Conversion;
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

    private final Map<String, Conversion> compiled = new ConcurrentHashMap<>();

    @Override
    @Transactional
    public Result transform(long mappingId, String payload) {
        MappingEntity entity = tenancy.bind(em).find(MappingEntity.class, mappingId);
        if (entity == null) {
            return new Result(null, null, List.of("There is no mapping " + mappingId + "."));
        }
        Conversion c;
        try {
            c = compiled(entity);
        } catch (InvalidMappingException e) {
            return new Result(null, null, e.issues().stream().map(Object::toString).toList());
        }
        return result(c.convert(payload));
    }

    @Override
    public Result transformWithTemplate(String templateKey, String payload) {
        Conversion c = compiled.computeIfAbsent("template/" + templateKey, k -> {
            org.hms.hub.model.mapping.TemplateView t = MappingTemplates.load(templateKey);
            return Conversion.compile(parse(org.hms.hub.platform.json.Json.JSONB.toJson(t.definition())).asJsonObject());
        });
        return result(c.convert(payload));
    }

    /** The output, or every error (a payload not of the source format, a failed rule, invalid FHIR output). */
    private static Result result(Conversion.Converted converted) {
        return converted.ok() ? new Result(converted.text(), converted.contentType(), List.of())
                : new Result(null, null, converted.errors().stream().map(Object::toString).toList());
    }

    @Override
    @Transactional
    public boolean exists(long mappingId) {
        return tenancy.bind(em).find(MappingEntity.class, mappingId) != null;
    }

    private Conversion compiled(MappingEntity entity) {
        String key = tenant.current() + "/" + entity.id() + "/" + entity.activeVersion();
        Conversion c = compiled.get(key);
        if (c == null) {
            String definition = em.createNamedQuery(MappingVersion.ONE, MappingVersion.class)
                    .setParameter("mappingId", entity.id()).setParameter("versionNo", entity.activeVersion())
                    .getSingleResult().definition();
            c = Conversion.compile(parse(definition).asJsonObject());
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
