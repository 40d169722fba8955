package org.hms.hub.connector.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.hub.connector.control.DeadLetters;
import org.hms.hub.model.sync.BulkResult;
import org.hms.hub.model.sync.DeadLetterEdit;
import org.hms.hub.model.sync.DeadLetterPage;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeadLetterSelection;
import org.hms.hub.model.sync.DeadLetterState;
import org.hms.hub.model.sync.DeadLetterView;
import org.hms.hub.platform.problem.IfMatch;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;

/**
 * {@code /api/dead-letters}: what the hub gave up on, for review. Operators and administrators read, correct,
 * replay and discard; each action is audited. ({@code @Schema(hidden = true)}: payara#7649.)
 */
@Path("dead-letters")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class DeadLettersResource {

    @Inject
    DeadLetters deadLetters;

    /** Newest first; {@code state} defaults to OPEN ({@code state=ALL} for every state). */
    @GET
    public DeadLetterPage list(@QueryParam("connectorId") Long connectorId,
                               @QueryParam("reason") DeadLetterReason reason,
                               @QueryParam("state") @DefaultValue("OPEN") String state,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("offset") @DefaultValue("0") @Min(0) @Schema(hidden = true) int offset,
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(DeadLetters.MAX_PAGE)
                               @Schema(hidden = true) int limit) {
        return deadLetters.list(connectorId, reason, state(state), time("from", from), time("to", to), offset, limit);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return withTag(deadLetters.get(id));
    }

    /** Corrects the payload a replay will send; needs {@code If-Match}. */
    @PUT
    @Path("{id}/payload")
    public Response edit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, DeadLetterEdit edit) {
        if (edit == null) {
            throw new ProblemException(400, "Body missing", "Send {\"payload\": \"…\"}.");
        }
        return withTag(deadLetters.edit(id, IfMatch.version(ifMatch), edit.payload()));
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") long id) {
        return withTag(deadLetters.replay(id));
    }

    @POST
    @Path("{id}/discard")
    public Response discard(@PathParam("id") long id) {
        return withTag(deadLetters.discard(id));
    }

    @POST
    @Path("replay")
    public BulkResult replayMany(DeadLetterSelection selection) {
        return deadLetters.replay(selection);
    }

    @POST
    @Path("discard")
    public BulkResult discardMany(DeadLetterSelection selection) {
        return deadLetters.discard(selection);
    }

    private static Response withTag(DeadLetterView view) {
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    private static DeadLetterState state(String state) {
        if (state.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return DeadLetterState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Unknown state", "state is OPEN, REPLAYED, DISCARDED or ALL.");
        }
    }

    static OffsetDateTime time(String name, String value) {
        return org.hms.hub.platform.problem.QueryTime.parse(name, value);
    }
}
