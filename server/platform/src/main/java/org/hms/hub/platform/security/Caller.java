package org.hms.hub.platform.security;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, as a verified bearer token says: the user, their tenant and roles, and the issuer (the hub
 * itself or the configured external identity provider).
 */
public record Caller(String subject, String username, String tenant, Set<String> roles, String issuer)
        implements Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
