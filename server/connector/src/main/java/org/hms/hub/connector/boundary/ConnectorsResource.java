package org.hms.hub.connector.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.hub.connector.control.ConnectionTests;
import org.hms.hub.connector.control.ConnectorQueries;
import org.hms.hub.connector.control.ConnectorRegistry;
import org.hms.hub.model.connector.ConnectionTestReport;
import org.hms.hub.model.connector.ConnectorPage;
import org.hms.hub.model.connector.ConnectorRequest;
import org.hms.hub.model.connector.ConnectorStats;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.connector.StatusChange;
import org.hms.hub.platform.problem.IfMatch;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;

/**
 * {@code /api/connectors}: the tenant's registry of external systems. Administrators change it; operators read
 * it and test connections. ({@code @Schema(hidden = true)} on validated query parameters: payara#7649.)
 */
@Path("connectors")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorsResource {

    @Inject
    org.hms.hub.connector.control.registration.Registrar registrar;

    @Inject
    ConnectorRegistry registry;

    @Inject
    ConnectorQueries queries;

    @Inject
    ConnectionTests tests;

    @Inject
    org.hms.hub.connector.control.SyncStatuses statuses;

    @Inject
    org.hms.hub.connector.control.SyncJobs syncJobs;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(ConnectorRequest request, @Context UriInfo uri) {
        ConnectorView created = registry.create(required(request));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).tag(etag(created)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public ConnectorPage list(@QueryParam("type") ConnectorType type, @QueryParam("status") ConnectorStatus status,
                              @QueryParam("q") String text,
                              @QueryParam("offset") @DefaultValue("0") @Min(0) @Schema(hidden = true) int offset,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(ConnectorQueries.MAX_PAGE)
                              @Schema(hidden = true) int limit) {
        return queries.list(type, status, text, offset, limit);
    }

    @GET
    @Path("stats")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public ConnectorStats stats() {
        return queries.stats();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response get(@PathParam("id") long id) {
        ConnectorView connector = registry.get(id);
        return Response.ok(connector).tag(etag(connector)).build();
    }

    /** Needs {@code If-Match} with the ETag last read: concurrent edits cannot overwrite each other (412). */
    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, ConnectorRequest request) {
        ConnectorView updated = registry.update(id, IfMatch.version(ifMatch), required(request));
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") long id) {
        registry.requireDeletable(id);
        registrar.release(id); // the subscription at the system goes first (a failure is audited, not blocking)
        registry.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/status")
    @RolesAllowed(Roles.ADMIN)
    public Response changeStatus(@PathParam("id") long id, StatusChange change) {
        if (change == null || change.status() == null) {
            throw new ProblemException(400, "Status missing", "Send {\"status\": \"ACTIVE\"} or \"INACTIVE\".");
        }
        ConnectorView changed = registry.changeStatus(id, change.status(), change.reason());
        return Response.ok(changed).tag(etag(changed)).build();
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public ConnectionTestReport test(@PathParam("id") long id) {
        return tests.run(id);
    }

    /** The connector's traffic: queued, in flight, delivered and failed, circuit, oldest undelivered, polling. */
    @GET
    @Path("{id}/status")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public org.hms.hub.model.sync.SyncStatus status(@PathParam("id") long id) {
        return statuses.of(id);
    }

    /**
     * Starts a manual sync: 202 and the job ({@code Location: /api/sync-jobs/{id}}); 200 and the running job when
     * one of the same mode runs already.
     */
    @POST
    @Path("{id}/sync")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response sync(@PathParam("id") long id, org.hms.hub.model.sync.SyncRequest request, @Context UriInfo uri) {
        org.hms.hub.connector.control.SyncJobs.Started started = syncJobs.start(id, request);
        java.net.URI location = uri.getBaseUriBuilder().path("sync-jobs").path(started.job().id().toString()).build();
        return (started.created() ? Response.accepted(started.job()) : Response.ok(started.job()))
                .location(location).build();
    }

    /** The connector's last 20 sync jobs, newest first. */
    @GET
    @Path("{id}/sync-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public java.util.List<org.hms.hub.model.sync.SyncJobView> syncJobs(@PathParam("id") long id) {
        return syncJobs.recent(id);
    }

    private static ConnectorRequest required(ConnectorRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Body missing", "Send the connector as JSON.");
        }
        return request;
    }

    private static EntityTag etag(ConnectorView c) {
        return new EntityTag(Long.toString(c.version()));
    }
}
