package org.hms.hub.mapping.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hms.hub.mapping.control.MappingRegistry;
import org.hms.hub.model.mapping.Activation;
import org.hms.hub.model.mapping.MappingRequest;
import org.hms.hub.model.mapping.MappingVersionView;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.model.mapping.NewVersion;
import org.hms.hub.model.mapping.PreviewRequest;
import org.hms.hub.model.mapping.PreviewResult;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;

/** {@code /api/mappings}: versioned field mappings; administrators change them, operators read and preview. */
@Path("mappings")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MappingsResource {

    @Inject
    MappingRegistry registry;

    @Inject
    org.hms.hub.mapping.control.MappingTemplates templates;

    @GET
    @Path("templates")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public List<org.hms.hub.model.mapping.TemplateView> templates() {
        return templates.list();
    }

    @POST
    @Path("templates/{key}/copy")
    @RolesAllowed(Roles.ADMIN)
    public Response copyTemplate(@PathParam("key") String key, org.hms.hub.model.mapping.TemplateCopy copy,
                                 @Context UriInfo uri) {
        MappingView created = templates.copy(key, copy);
        return Response.created(uri.getBaseUriBuilder().path("mappings").path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(MappingRequest request, @Context UriInfo uri) {
        MappingView created = registry.create(body(request));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public List<MappingView> list() {
        return registry.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public MappingView get(@PathParam("id") long id) {
        return registry.get(id);
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public List<MappingVersionView> versions(@PathParam("id") long id) {
        return registry.versions(id);
    }

    @POST
    @Path("{id}/versions")
    @RolesAllowed(Roles.ADMIN)
    public MappingView addVersion(@PathParam("id") long id, NewVersion version) {
        NewVersion v = body(version);
        return registry.addVersion(id, v.definition(), v.activate() == null || v.activate());
    }

    @PUT
    @Path("{id}/active")
    @RolesAllowed(Roles.ADMIN)
    public MappingView activate(@PathParam("id") long id, Activation activation) {
        return registry.activate(id, body(activation).version());
    }

    @POST
    @Path("{id}/preview")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public PreviewResult preview(@PathParam("id") long id, PreviewRequest request) {
        PreviewRequest r = body(request);
        return registry.preview(id, r.sample(), r.definition());
    }

    @POST
    @Path("preview")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public PreviewResult dryRun(PreviewRequest request) {
        PreviewRequest r = body(request);
        return registry.dryRun(r.definition(), r.sample());
    }

    private static <T> T body(T request) {
        if (request == null) {
            throw new ProblemException(400, "Body missing", "Send the request as JSON.");
        }
        return request;
    }
}
