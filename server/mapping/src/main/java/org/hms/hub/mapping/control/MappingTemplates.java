package org.hms.hub.mapping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.mapping.MappingRequest;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.model.mapping.TemplateCopy;
import org.hms.hub.model.mapping.TemplateView;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.problem.ProblemException;

/** The built-in templates (resources of this module); a copy becomes an ordinary mapping of the tenant. */
@ApplicationScoped
public class MappingTemplates {

    static final List<String> KEYS = List.of("order-api-to-oms", "order-oms-to-api",
            "order-api-to-fhir-servicerequest", "patient-hms-to-fhir", "patient-fhir-to-hms");

    @Inject
    MappingRegistry registry;

    public List<TemplateView> list() {
        return KEYS.stream().map(MappingTemplates::load).toList();
    }

    public MappingView copy(String key, TemplateCopy copy) {
        if (!KEYS.contains(key)) {
            throw new ProblemException(404, "No such template", "There is no template '" + key + "'; see GET"
                    + " /api/mappings/templates.");
        }
        TemplateView t = load(key);
        String name = copy == null || copy.name() == null || copy.name().isBlank() ? t.name() : copy.name();
        return registry.create(new MappingRequest(name, copy == null ? null : copy.connectorId(), t.resourceType(),
                t.direction(), t.sourceFormat(), t.targetFormat(), t.definition()));
    }

    @SuppressWarnings("unchecked")
    static TemplateView load(String key) {
        try (InputStream in = MappingTemplates.class.getResourceAsStream("/org/hms/hub/mapping/templates/" + key + ".json")) {
            if (in == null) {
                throw new IllegalStateException("template " + key + " is missing from the module");
            }
            Map<String, Object> raw = Json.JSONB.fromJson(in, Map.class);
            return new TemplateView((String) raw.get("key"), (String) raw.get("name"), (String) raw.get("description"),
                    (String) raw.get("resourceType"),
                    org.hms.hub.model.mapping.MappingDirection.valueOf((String) raw.get("direction")),
                    org.hms.hub.model.mapping.MappingFormat.valueOf((String) raw.get("sourceFormat")),
                    org.hms.hub.model.mapping.MappingFormat.valueOf((String) raw.get("targetFormat")),
                    (String) raw.get("reverse"), (Map<String, Object>) raw.get("definition"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
