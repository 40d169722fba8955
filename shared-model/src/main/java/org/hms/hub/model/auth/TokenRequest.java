package org.hms.hub.model.auth;

/** {@code POST /api/auth/token}: a user's credentials. */
public record TokenRequest(String username, String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=****]";
    }
}
