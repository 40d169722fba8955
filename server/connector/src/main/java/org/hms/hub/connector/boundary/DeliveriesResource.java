package org.hms.hub.connector.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.hub.connector.control.ThroughputQuery;
import org.hms.hub.model.sync.Throughput;
import org.hms.hub.platform.security.Roles;

/** {@code /api/deliveries}: the tenant's delivery traffic. ({@code @Schema(hidden = true)}: payara#7649.) */
@Path("deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    ThroughputQuery throughput;

    /** Deliveries and dead letters per minute over the last {@code minutes} (default 60, at most a day). */
    @GET
    @Path("per-minute")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Throughput perMinute(@QueryParam("minutes") @DefaultValue("60") @Min(1) @Max(ThroughputQuery.MAX_MINUTES)
                                @Schema(hidden = true) int minutes) {
        return throughput.perMinute(minutes);
    }
}
