package org.hms.hub.model.auth;

/** {@code POST /api/auth/refresh}: the refresh token of an earlier answer, exchanged once for new tokens. */
public record RefreshRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=****]";
    }
}
