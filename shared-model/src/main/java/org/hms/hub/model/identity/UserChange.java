package org.hms.hub.model.identity;

import java.util.Set;

/** {@code PATCH /api/users/{id}}: the fields to change; absent (null) fields stay as they are. */
public record UserChange(String password, Set<String> roles, Boolean enabled) {

    @Override
    public String toString() {
        return "UserChange[roles=" + roles + ", enabled=" + enabled + ", password=" + (password == null ? "-" : "****")
                + "]";
    }
}
