package org.hms.hub.console.client;

import java.time.Instant;
import java.util.Set;

/** Who is logged in, and the tokens (kept in memory only, never written anywhere). */
public record Session(String username, String tenant, Set<String> roles, String accessToken, Instant accessExpires,
                      String refreshToken) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Session[" + username + "@" + tenant + " " + roles + "]";
    }
}
