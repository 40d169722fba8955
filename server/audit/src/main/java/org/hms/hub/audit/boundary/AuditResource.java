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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.model.audit.AuditPage;

/** {@code /api/audit}: the audit trail, newest first, in pages (keyset: pass {@code next} as {@code before}). */
@Path("audit")
@RequestScoped
@jakarta.annotation.security.RolesAllowed(org.hms.hub.platform.security.Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    /*
     * @Schema(hidden = true) on a bean-validated query parameter works around Payara's OpenAPI generator, which
     * fails with a NullPointerException on constraints of any parameter that is not a @PathParam (payara#7649).
     */
    @GET
    public AuditPage list(@QueryParam("before") @Min(1) @Schema(hidden = true) Long before,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditTrail.MAX_PAGE)
                          @Schema(hidden = true) int limit) {
        return trail.page(before, limit);
    }
}
