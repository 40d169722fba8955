package org.hms.hub.model.identity;

import java.util.Set;

/** {@code POST /api/users}: a user of the caller's tenant. */
public record NewUser(String username, String password, Set<String> roles) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + ", password=****]";
    }
}
