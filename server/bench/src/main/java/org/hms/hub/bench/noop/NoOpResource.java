package org.hms.hub.bench.noop;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Reads the body and answers 202 with a small JSON body, as the hub's webhook endpoint does — and nothing else:
 * what the same HTTP client gets from bare Payara Micro on this machine.
 */
@Path("noop")
public class NoOpResource {

    @POST
    public Response accept(String body) {
        return Response.accepted("{\"bytes\":" + body.length() + "}").type("application/json").build();
    }
}
