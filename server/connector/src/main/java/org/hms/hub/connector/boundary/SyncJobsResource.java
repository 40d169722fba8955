package org.hms.hub.connector.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hms.hub.connector.control.SyncJobs;
import org.hms.hub.model.sync.SyncJobView;

/** {@code /api/sync-jobs/{id}}: a manual sync's state, counts and progress; cancel. */
@Path("sync-jobs/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({org.hms.hub.platform.security.Roles.ADMIN, org.hms.hub.platform.security.Roles.OPERATOR})
public class SyncJobsResource {

    @Inject
    SyncJobs jobs;

    @GET
    public SyncJobView get(@PathParam("id") String id) {
        return jobs.get(id);
    }

    /** Stops the job after the page in hand; what it enqueued already is processed. */
    @POST
    @Path("cancel")
    public SyncJobView cancel(@PathParam("id") String id) {
        return jobs.cancel(id);
    }
}
