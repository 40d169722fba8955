package org.hms.hub.model.auth;

/**
 * {@code POST /api/auth/token}: a user's credentials ({@code username}, {@code password}), or — for a service
 * account — {@code grantType: "client_credentials"} with its API key as {@code clientSecret}.
 */
public record TokenRequest(String username, String password, String grantType, String clientSecret) {

    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /** A person's login. */
    public TokenRequest(String username, String password) {
        this(username, password, null, null);
    }

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=****, grantType=" + grantType + ", clientSecret=****]";
    }
}
