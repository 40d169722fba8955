package org.hms.hub.platform.vault;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Roles;
import org.hms.hub.platform.tenancy.TenantContext;

/** {@code POST /api/vault/rotate}: rotates the vault's master key (platform administrators only). */
@Path("vault")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VaultResource {

    @Inject
    KeyRotation rotation;

    @Inject
    TenantContext tenant;

    @POST
    @Path("rotate")
    @RolesAllowed(Roles.ADMIN)
    public KeyRotation.Result rotate() {
        if (!HubEvent.SYSTEM_TENANT.equals(tenant.current())) {
            throw new ProblemException(403, "Forbidden",
                    "Only platform administrators (hub-admin of the system tenant) rotate the vault key.");
        }
        return rotation.rotate();
    }
}
