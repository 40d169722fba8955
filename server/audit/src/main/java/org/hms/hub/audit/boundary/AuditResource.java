package org.hms.hub.audit.boundary;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.hub.audit.control.AuditExports;
import org.hms.hub.audit.control.AuditQuery;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.audit.AuditVerification;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * {@code /api/audit}: the audit trail of the caller's tenant — newest first with filters, in pages (keyset: pass
 * {@code next} as {@code before}); the chain's verification; exports as CSV or a FHIR R4 AuditEvent Bundle, streamed.
 * Read-only: auditors and administrators read, nobody writes.
 */
@Path("audit")
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditExports exports;

    @Inject
    TenantContext tenant;

    /*
     * @Schema(hidden = true) on a bean-validated query parameter works around Payara's OpenAPI generator, which
     * fails with a NullPointerException on constraints of any parameter that is not a @PathParam (payara#7649).
     */
    @GET
    public AuditPage list(@QueryParam("before") String before,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditTrail.MAX_PAGE)
                          @Schema(hidden = true) int limit,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                          @QueryParam("outcome") String outcome, @QueryParam("correlationId") String correlationId,
                          @QueryParam("connectorId") Long connectorId) {
        AuditTrail.Cursor cursor = null;
        if (before != null && !before.isBlank()) {
            try {
                cursor = AuditTrail.Cursor.parse(before.strip());
            } catch (RuntimeException e) {
                throw new ProblemException(400, "Bad cursor", "before is the 'next' of the previous page.");
            }
        }
        return trail.page(query(from, to, actor, action, targetType, targetId, outcome, correlationId, connectorId),
                cursor, limit);
    }

    /** Recomputes the chain over the entries recorded in [from, to) (all of it without them). */
    @GET
    @Path("verify")
    public AuditVerification verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        return trail.verify(tenant.current(), time("from", from), time("to", to));
    }

    /** The entries matching the filter as {@code format=csv} (default) or {@code format=fhir}, streamed. */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/fhir+json"})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                           @QueryParam("outcome") String outcome, @QueryParam("correlationId") String correlationId,
                           @QueryParam("connectorId") Long connectorId) {
        AuditQuery q = query(from, to, actor, action, targetType, targetId, outcome, correlationId, connectorId);
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).toString().replace(":", "").substring(0, 15);
        boolean fhir = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> false;
            case "fhir" -> true;
            default -> throw new ProblemException(400, "Unknown export format", "format is csv or fhir.");
        };
        String tenantId = tenant.current();
        StreamingOutput body = out -> {
            tenant.set(tenantId);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (fhir) {
                exports.fhir(q, writer);
            } else {
                exports.csv(q, writer);
            }
            writer.flush();
        };
        return Response.ok(body, fhir ? "application/fhir+json" : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + stamp + (fhir ? ".json" : ".csv")
                        + "\"").build();
    }

    private static AuditQuery query(String from, String to, String actor, String action, String targetType,
                                    String targetId, String outcome, String correlationId, Long connectorId) {
        if (outcome != null && !outcome.isBlank() && !outcome.equals("success") && !outcome.equals("failure")) {
            throw new ProblemException(400, "Unknown outcome", "outcome is success or failure.");
        }
        return new AuditQuery(time("from", from), time("to", to), blank(actor), blank(action), blank(targetType),
                blank(targetId), blank(outcome), blank(correlationId), connectorId);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static OffsetDateTime time(String name, String value) {
        return org.hms.hub.platform.problem.QueryTime.parse(name, value);
    }
}
