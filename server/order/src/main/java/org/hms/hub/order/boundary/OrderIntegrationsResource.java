package org.hms.hub.order.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.hms.hub.model.order.IntegrationStateChange;
import org.hms.hub.model.order.OrderIntegrationRequest;
import org.hms.hub.model.order.OrderIntegrationView;
import org.hms.hub.model.order.ReconcileReport;
import org.hms.hub.model.order.UserMapping;
import org.hms.hub.model.order.UserMappingRequest;
import org.hms.hub.order.control.OrderIntegrations;
import org.hms.hub.order.control.OrderRepairs;
import org.hms.hub.platform.problem.IfMatch;
import org.hms.hub.platform.security.Roles;

/**
 * {@code /api/order-integrations}: which HMS-API and HMS-OMS connectors are kept in step, the kill switch
 * ({@code PUT …/{id}/state}), the user map ({@code …/{id}/users}) and the recent reconciliation reports.
 */
@Path("order-integrations")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class OrderIntegrationsResource {

    @Inject
    OrderIntegrations integrations;

    @Inject
    OrderRepairs repairs;

    @GET
    public List<OrderIntegrationView> list() {
        return integrations.list();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(OrderIntegrationRequest request) {
        OrderIntegrationView created = integrations.create(request);
        return Response.created(URI.create("/api/order-integrations/" + created.id())).entity(created)
                .tag(tag(created)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        OrderIntegrationView view = integrations.get(id);
        return Response.ok(view).tag(tag(view)).build();
    }

    /** Needs {@code If-Match} with the ETag last read. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           OrderIntegrationRequest request) {
        OrderIntegrationView view = integrations.update(id, IfMatch.version(ifMatch), request);
        return Response.ok(view).tag(tag(view)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") long id) {
        integrations.delete(id);
        return Response.noContent().build();
    }

    /** The kill switch: ACTIVE, PAUSED (queue, send nothing) or DISABLED (refuse webhooks with 503). */
    @PUT
    @Path("{id}/state")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response state(@PathParam("id") long id, IntegrationStateChange change) {
        OrderIntegrationView view = integrations.changeState(id, change);
        return Response.ok(view).tag(tag(view)).build();
    }

    @GET
    @Path("{id}/users")
    public List<UserMapping> users(@PathParam("id") long id) {
        return integrations.users(id);
    }

    /** Maps an HMS-API user to an HMS-OMS user: {@code {"omsUserId": "…"}}. */
    @PUT
    @Path("{id}/users/{apiUserId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public UserMapping mapUser(@PathParam("id") long id, @PathParam("apiUserId") String apiUserId,
                               UserMappingRequest body) {
        return integrations.mapUser(id, apiUserId, body == null ? null : body.omsUserId());
    }

    @DELETE
    @Path("{id}/users/{apiUserId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response unmapUser(@PathParam("id") long id, @PathParam("apiUserId") String apiUserId) {
        integrations.unmapUser(id, apiUserId);
        return Response.noContent().build();
    }

    /** The last reconciliation reports of the integration, newest first. */
    @GET
    @Path("{id}/reconciliations")
    public List<ReconcileReport> reconciliations(@PathParam("id") long id) {
        return repairs.recent(id, 20);
    }

    private static EntityTag tag(OrderIntegrationView view) {
        return new EntityTag(Long.toString(view.version()));
    }
}
