package org.hms.hub.order.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.hub.model.order.OrderDetail;
import org.hms.hub.model.order.OrderPage;
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.model.order.ReconcileReport;
import org.hms.hub.model.order.ReconcileRequest;
import org.hms.hub.model.order.SyncLag;
import org.hms.hub.order.control.OrderQueries;
import org.hms.hub.order.control.Reconciler;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.security.Roles;

/**
 * {@code /api/orders}: orders across HMS-API and HMS-OMS (the cross-reference), one order with its sync history,
 * the sync lag, and reconciliation on demand. ({@code @Schema(hidden = true)}: payara#7649.)
 */
@Path("orders")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class OrdersResource {

    @Inject
    OrderQueries queries;

    @Inject
    Reconciler reconciler;

    @Inject
    CurrentCaller caller;

    /** Most recently changed first. {@code status} matches either side; {@code q} an API id, ext_code or OMS id. */
    @GET
    public OrderPage list(@QueryParam("integrationId") Long integrationId, @QueryParam("q") String q,
                          @QueryParam("status") String status, @QueryParam("apiStatus") String apiStatus,
                          @QueryParam("omsStatus") String omsStatus, @QueryParam("syncState") String syncState,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("offset") @DefaultValue("0") @Min(0) @Schema(hidden = true) int offset,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(OrderQueries.MAX_PAGE)
                          @Schema(hidden = true) int limit) {
        return queries.list(new OrderQueries.Filter(integrationId, q, apiStatus, omsStatus, status,
                syncState(syncState), time("from", from), time("to", to)), offset, limit);
    }

    /** Webhook received → other side confirmed, over the last {@code minutes} (default 60, at most 10080). */
    @GET
    @Path("lag")
    public SyncLag lag(@QueryParam("minutes") @DefaultValue("60") @Min(1) @Max(10_080) @Schema(hidden = true)
                       int minutes) {
        return queries.lag(minutes);
    }

    @GET
    @Path("{apiOrderId}")
    public OrderDetail get(@PathParam("apiOrderId") String apiOrderId,
                           @QueryParam("integrationId") Long integrationId) {
        return queries.get(apiOrderId, integrationId);
    }

    /** Reconciles now (one integration, or all of the tenant's) and answers the reports. */
    @POST
    @Path("reconcile")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public List<ReconcileReport> reconcile(ReconcileRequest request) {
        return reconciler.reconcile(request, caller.actor());
    }

    private static OrderSyncState syncState(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrderSyncState.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Unknown sync state", "syncState is one of "
                    + java.util.Arrays.toString(OrderSyncState.values()) + ".");
        }
    }

    static OffsetDateTime time(String name, String value) {
        return org.hms.hub.platform.problem.QueryTime.parse(name, value);
    }
}
