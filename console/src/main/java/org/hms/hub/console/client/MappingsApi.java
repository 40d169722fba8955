package org.hms.hub.console.client;

import java.util.List;
import java.util.Map;
import org.hms.hub.model.mapping.MappingVersionView;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.model.mapping.NewVersion;
import org.hms.hub.model.mapping.PreviewRequest;
import org.hms.hub.model.mapping.PreviewResult;

/** {@code /api/mappings} for the console. */
public record MappingsApi(HubClient hub) {

    private static final java.lang.reflect.Type MAPPINGS = new java.util.ArrayList<MappingView>() { }.getClass()
            .getGenericSuperclass();
    private static final java.lang.reflect.Type VERSIONS = new java.util.ArrayList<MappingVersionView>() { }.getClass()
            .getGenericSuperclass();

    public List<MappingView> list() throws HubException {
        return hub.get("api/mappings", Map.of(), MAPPINGS);
    }

    public List<MappingVersionView> versions(long id) throws HubException {
        return hub.get("api/mappings/" + id + "/versions", Map.of(), VERSIONS);
    }

    /** Runs the mapping's active version, or the given definition when not null, on the sample. */
    public PreviewResult preview(long id, Object sample, Map<String, Object> definition) throws HubException {
        return hub.post("api/mappings/" + id + "/preview", new PreviewRequest(sample, definition), PreviewResult.class);
    }

    /** Makes an earlier (or the latest) version the active one. */
    public MappingView activate(long id, int version) throws HubException {
        return hub.put("api/mappings/" + id + "/active", new org.hms.hub.model.mapping.Activation(version),
                MappingView.class);
    }

    public MappingView addVersion(long id, Map<String, Object> definition) throws HubException {
        return hub.post("api/mappings/" + id + "/versions", new NewVersion(definition, true), MappingView.class);
    }
}
