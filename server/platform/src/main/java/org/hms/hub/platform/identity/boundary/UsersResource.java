package org.hms.hub.platform.identity.boundary;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hms.hub.model.identity.NewUser;
import org.hms.hub.model.identity.UserChange;
import org.hms.hub.model.identity.UserView;
import org.hms.hub.platform.identity.control.Users;
import org.hms.hub.platform.problem.IfMatch;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;

/** {@code /api/users}: the users of the caller's tenant, managed by its administrators. */
@Path("users")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @Inject
    org.hms.hub.platform.identity.control.ApiKeys apiKeys;

    /** Issues an API key for a service account (a user whose only role is hub-publisher); the key is shown once. */
    @POST
    @Path("{id}/api-keys")
    public Response issueKey(@PathParam("id") long id, org.hms.hub.model.identity.NewApiKey request) {
        org.hms.hub.model.identity.ApiKeyView key = apiKeys.issue(id, request == null ? null : request.name());
        return Response.status(201).entity(key).build();
    }

    @GET
    @Path("{id}/api-keys")
    public List<org.hms.hub.model.identity.ApiKeyView> keys(@PathParam("id") long id) {
        return apiKeys.list(id);
    }

    @DELETE
    @Path("{id}/api-keys/{keyId}")
    public org.hms.hub.model.identity.ApiKeyView revokeKey(@PathParam("id") long id, @PathParam("keyId") long keyId) {
        return apiKeys.revoke(id, keyId);
    }

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        UserView user = users.get(id);
        return Response.ok(user).tag(etag(user)).build();
    }

    @POST
    public Response create(NewUser request, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (request == null) {
            throw new ProblemException(400, "Body missing", "Send the new user as JSON.");
        }
        UserView user = users.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(user.id())).build())
                .entity(user).tag(etag(user)).build();
    }

    /** Needs {@code If-Match} with the version last read, so that concurrent edits cannot overwrite each other. */
    @PATCH
    @Path("{id}")
    public Response change(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, UserChange change) {
        if (change == null) {
            throw new ProblemException(400, "Body missing", "Send the fields to change as JSON.");
        }
        UserView user = users.change(id, IfMatch.version(ifMatch), change);
        return Response.ok(user).tag(etag(user)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        users.delete(id);
        return Response.noContent().build();
    }

    private static EntityTag etag(UserView user) {
        return new EntityTag(Long.toString(user.version()));
    }
}
