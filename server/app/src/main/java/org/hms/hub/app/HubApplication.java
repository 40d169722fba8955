package org.hms.hub.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The hub's REST API under {@code /api}. Resources live in the module jars (their {@code boundary} packages)
 * and are found by the WAR's scan.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "HMS Integration Hub", version = "0.1",
        description = "Connectors, mappings, sync, orders and the audit trail of the HMS Integration Hub."))
public class HubApplication extends Application {

    /** No WADL: the API's description is {@code /openapi}, and WADL would describe it to callers without a token. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
