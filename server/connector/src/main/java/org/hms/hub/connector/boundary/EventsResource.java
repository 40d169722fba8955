package org.hms.hub.connector.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hms.hub.connector.control.events.EventIntake;
import org.hms.hub.connector.control.events.EventTypes;
import org.hms.hub.model.sync.EventAck;
import org.hms.hub.model.sync.EventRequest;
import org.hms.hub.model.sync.EventTypeView;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.security.Roles;

/**
 * Event intake for HMS components ({@code POST /api/events}, service accounts with hub-publisher, by API key or
 * token) and the registry of event types with their schemas ({@code GET /api/event-types}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    EventIntake intake;

    @Inject
    EventTypes types;

    @Inject
    CurrentCaller caller;

    /** 202 with the receipt once the event is durably queued; 422 naming the fields that fail the schema. */
    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PUBLISHER)
    public Response publish(EventRequest request) {
        EventAck ack = intake.publish(request, caller.actor());
        return Response.accepted(ack).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("event-types")
    @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN, Roles.OPERATOR})
    public List<EventTypeView> eventTypes() {
        return types.list();
    }

    /** The latest version of a type. */
    @GET
    @Path("event-types/{type}")
    @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN, Roles.OPERATOR})
    public EventTypeView eventType(@PathParam("type") String type) {
        return types.find(type, null).map(EventTypes::view).orElseThrow(() -> new ProblemException(404,
                "No such event type", "There is no event type '" + type + "'; registered: "
                + String.join(", ", types.names()) + "."));
    }
}
