package org.hms.hub.platform.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hms.hub.model.identity.NewTenant;
import org.hms.hub.model.identity.TenantView;
import org.hms.hub.platform.identity.control.Tenants;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;

/** {@code /api/tenants}: the tenant registry; platform administrators only (hub-admin of tenant system). */
@Path("tenants")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @Inject
    Tenants tenants;

    @GET
    public List<TenantView> list() {
        return tenants.list();
    }

    @POST
    public Response create(NewTenant request, @Context UriInfo uri) {
        if (request == null) {
            throw new ProblemException(400, "Body missing", "Send the new tenant as JSON.");
        }
        TenantView created = tenants.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }
}
