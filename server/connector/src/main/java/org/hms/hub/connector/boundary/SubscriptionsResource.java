package org.hms.hub.connector.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hms.hub.connector.control.Subscriptions;
import org.hms.hub.model.sync.SubscriptionRequest;
import org.hms.hub.model.sync.SubscriptionView;
import org.hms.hub.platform.problem.IfMatch;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;

/** {@code /api/subscriptions}: which connectors receive which event types. */
@Path("subscriptions")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public List<SubscriptionView> list(@QueryParam("connectorId") Long connectorId) {
        return subscriptions.list(connectorId);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView created = subscriptions.create(required(request));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).tag(new EntityTag(Long.toString(created.version()))).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response get(@PathParam("id") long id) {
        SubscriptionView s = subscriptions.get(id);
        return Response.ok(s).tag(new EntityTag(Long.toString(s.version()))).build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           SubscriptionRequest request) {
        SubscriptionView s = subscriptions.update(id, IfMatch.version(ifMatch), required(request));
        return Response.ok(s).tag(new EntityTag(Long.toString(s.version()))).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    private static SubscriptionRequest required(SubscriptionRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Body missing", "Send the subscription as JSON.");
        }
        return request;
    }
}
