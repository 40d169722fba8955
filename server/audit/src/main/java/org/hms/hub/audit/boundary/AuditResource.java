package org.hms.hub.audit.boundary;

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
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.model.audit.AuditPage;

/** {@code /api/audit}: the audit trail, newest first, in pages (keyset: pass {@code next} as {@code before}). */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    public AuditPage list(@QueryParam("before") @Min(1) Long before,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditTrail.MAX_PAGE) int limit) {
        return trail.page(before, limit);
    }
}
